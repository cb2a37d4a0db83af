using System.Collections;

namespace LeopardEm.Settings;

/// <summary>
/// An immutable string-keyed map with value equality (order-insensitive), for YAML mappings such as Zernike
/// coefficients. Keys keep their insertion order for display.
/// </summary>
/// <typeparam name="TValue">Value type.</typeparam>
public sealed class ValueMap<TValue> : IReadOnlyDictionary<string, TValue>, IEquatable<ValueMap<TValue>>
{
    private readonly KeyValuePair<string, TValue>[] _entries;
    private readonly Dictionary<string, TValue> _lookup;

    /// <summary>Copies <paramref name="entries"/>; keys must be unique.</summary>
    public ValueMap(IEnumerable<KeyValuePair<string, TValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = entries.ToArray();
        _lookup = new Dictionary<string, TValue>(StringComparer.Ordinal);
        foreach (var (key, value) in _entries)
        {
            _lookup.Add(key, value);
        }
    }

    /// <summary>Copies a dictionary (convenient in object initializers).</summary>
    public static implicit operator ValueMap<TValue>(Dictionary<string, TValue> entries) => new(entries);

    /// <summary>Number of entries.</summary>
    public int Count => _entries.Length;

    /// <summary>Keys in insertion order.</summary>
    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    /// <summary>Values in insertion order.</summary>
    public IEnumerable<TValue> Values => _entries.Select(e => e.Value);

    /// <summary>Value stored under <paramref name="key"/>.</summary>
    public TValue this[string key] => _lookup[key];

    /// <summary>Whether <paramref name="key"/> is present.</summary>
    public bool ContainsKey(string key) => _lookup.ContainsKey(key);

    /// <summary>Looks up <paramref name="key"/>.</summary>
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value) =>
        _lookup.TryGetValue(key, out value);

    /// <summary>Same keys with equal values, in any order.</summary>
    public bool Equals(ValueMap<TValue>? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        var comparer = EqualityComparer<TValue>.Default;
        return _entries.All(e => other._lookup.TryGetValue(e.Key, out var v) && comparer.Equals(e.Value, v));
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueMap<TValue>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // Order-insensitive combination, consistent with Equals.
        var hash = 0;
        foreach (var (key, value) in _entries)
        {
            hash ^= HashCode.Combine(key, value);
        }

        return hash;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() =>
        ((IEnumerable<KeyValuePair<string, TValue>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    /// <summary>Python-like rendering, e.g. <c>{Z31c: 0.1}</c>, used in messages.</summary>
    public override string ToString() => "{" + string.Join(", ", _entries.Select(e => $"{e.Key}: {e.Value}")) + "}";
}
