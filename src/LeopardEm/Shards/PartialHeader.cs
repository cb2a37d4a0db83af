using System.Text.Json.Serialization;

namespace LeopardEm.Shards;

/// <summary>
/// The JSON header of a partial result file (<see cref="PartialResultFile"/>): what the statistics are of and how to
/// read them. Documented in docs/programs/distributed.md.
/// </summary>
public sealed record PartialHeader
{
    /// <summary>The format's name, <c>leopard-partial</c>.</summary>
    [JsonPropertyName("format")]
    public string Format { get; init; } = PartialResultFile.FormatName;

    /// <summary>The format's version (1).</summary>
    [JsonPropertyName("version")]
    public int Version { get; init; } = PartialResultFile.FormatVersion;

    /// <summary>The leopard version that wrote it (informational version, with the commit).</summary>
    [JsonPropertyName("program_version")]
    public required string ProgramVersion { get; init; }

    /// <summary>Fingerprint of the search: settings (without paths) and the micrograph's and template's contents.</summary>
    [JsonPropertyName("search_fingerprint")]
    public required string SearchFingerprint { get; init; }

    /// <summary>Fingerprint of the search space (<see cref="Search.SearchSpace.Fingerprint"/>).</summary>
    [JsonPropertyName("search_space_fingerprint")]
    public required string SearchSpaceFingerprint { get; init; }

    /// <summary>First global search index of the range these statistics cover.</summary>
    [JsonPropertyName("range_start")]
    public required int RangeStart { get; init; }

    /// <summary>Global search indices covered (from <see cref="RangeStart"/>).</summary>
    [JsonPropertyName("range_count")]
    public required int RangeCount { get; init; }

    /// <summary>Global search indices of the whole search.</summary>
    [JsonPropertyName("total")]
    public required int Total { get; init; }

    /// <summary>Rows of the statistics region.</summary>
    [JsonPropertyName("height")]
    public required int Height { get; init; }

    /// <summary>Columns of the statistics region.</summary>
    [JsonPropertyName("width")]
    public required int Width { get; init; }

    /// <summary>Correlation maps accumulated (equal to <see cref="RangeCount"/> for a complete part).</summary>
    [JsonPropertyName("count")]
    public required long Count { get; init; }

    /// <summary>SHA-256 (lowercase hex) of the four arrays as stored.</summary>
    [JsonPropertyName("sha256")]
    public required string Sha256 { get; init; }

    /// <summary>The arrays, in file order after the header: name, numpy dtype, element count.</summary>
    [JsonPropertyName("arrays")]
    public IReadOnlyList<PartialArray> Arrays { get; init; } = [];
}

/// <summary>One array of a partial result file.</summary>
/// <param name="Name">mip, best_index, sum or sum_of_squares.</param>
/// <param name="Dtype">numpy dtype string: &lt;f4, &lt;i4, &lt;f8.</param>
/// <param name="Length">Number of elements (height·width).</param>
public sealed record PartialArray(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("dtype")] string Dtype,
    [property: JsonPropertyName("length")] long Length);

/// <summary>The header's JSON contract, generated at compile time (the trimmed single-file build allows no reflection).</summary>
[JsonSerializable(typeof(PartialHeader))]
[JsonSourceGenerationOptions(WriteIndented = true)]
internal sealed partial class PartialHeaderJson : JsonSerializerContext;
