using System.Collections;
using System.Runtime.CompilerServices;

namespace LeopardEm.Settings;

/// <summary>Factory behind collection expressions such as <c>Frequencies = [0.1, 0.5]</c>.</summary>
public static class ValueList
{
    /// <summary>Copies <paramref name="items"/> into a <see cref="ValueList{T}"/>.</summary>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());
}

/// <summary>
/// An immutable list with value equality. Settings are records, and records compare list members by reference;
/// wrapping lists in this type makes two settings objects loaded from the same YAML compare equal.
/// </summary>
/// <typeparam name="T">Element type.</typeparam>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    /// <summary>Copies <paramref name="items"/>.</summary>
    public ValueList(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items.ToArray();
    }

    /// <summary>Number of elements.</summary>
    public int Count => _items.Length;

    /// <summary>Element at <paramref name="index"/>.</summary>
    public T this[int index] => _items[index];

    /// <summary>Copies an array into a list (convenient in object initializers).</summary>
    public static implicit operator ValueList<T>(T[] items) => new(items);

    /// <summary>Element-wise equality.</summary>
    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <summary>Python-like rendering, e.g. <c>[1, 2]</c>, used in messages.</summary>
    public override string ToString() => "[" + string.Join(", ", _items) + "]";
}
