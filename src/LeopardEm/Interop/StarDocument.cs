using System.Diagnostics.CodeAnalysis;

namespace LeopardEm.Interop;

/// <summary>
/// A STAR file (RELION 3.1 dialect) in memory: its <c>data_</c> blocks in file order. Read with
/// <see cref="StarReader"/>, written with <see cref="StarWriter"/>.
/// </summary>
public sealed class StarDocument
{
    private readonly List<StarBlock> _blocks = [];

    /// <summary>Creates an empty document.</summary>
    /// <param name="sourceName">Name used in messages, normally the file's path.</param>
    public StarDocument(string sourceName = "<star>")
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        SourceName = sourceName;
    }

    /// <summary>Name used in messages, normally the file's path.</summary>
    public string SourceName { get; }

    /// <summary>Blocks in file order.</summary>
    public IReadOnlyList<StarBlock> Blocks => _blocks;

    /// <summary>Appends a block.</summary>
    /// <exception cref="ArgumentException">A block with the same name is already in the document.</exception>
    public void AddBlock(StarBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (_blocks.Any(b => b.Name == block.Name))
        {
            throw new ArgumentException($"The document already has a data_{block.Name} block.", nameof(block));
        }

        _blocks.Add(block);
    }

    /// <summary>The block named <paramref name="name"/> (the text after <c>data_</c>), if present.</summary>
    public bool TryGetBlock(string name, [MaybeNullWhen(false)] out StarBlock block)
    {
        block = _blocks.FirstOrDefault(b => b.Name == name);
        return block is not null;
    }

    /// <summary>The block named <paramref name="name"/>.</summary>
    /// <param name="name">The text after <c>data_</c>.</param>
    /// <param name="what">What the file should be, for the message (e.g. "a RELION 3.1 particle STAR file").</param>
    /// <exception cref="StarFormatException">There is no such block; the message lists the blocks found.</exception>
    public StarBlock Block(string name, string what = "the file") => TryGetBlock(name, out var block)
        ? block
        : throw new StarFormatException(SourceName, 0,
            $"no data_{name} block, which {what} needs; found {(_blocks.Count == 0 ? "no blocks" : string.Join(", ", _blocks.Select(b => "data_" + b.Name)))}");
}
