using System.Text.Json;
using System.Text.Json.Serialization;
using LeopardEm.Io;

namespace LeopardEm.Slurm;

/// <summary>
/// What a cluster run is (<c>slurm/run.json</c> in its folder): the configuration and micrograph table it came from,
/// its micrographs (folder name and file), the shards per micrograph, how nodes start leopard, and the job ids once
/// submitted. <c>leopard slurm merge</c> and <c>leopard slurm status</c> read it.
/// </summary>
public sealed record RunManifest
{
    /// <summary>The format's name, <c>leopard-run</c>.</summary>
    public const string FormatName = "leopard-run";

    /// <summary>The format's name.</summary>
    [JsonPropertyName("format")]
    public string Format { get; init; } = FormatName;

    /// <summary>The format's version (1).</summary>
    [JsonPropertyName("version")]
    public int Version { get; init; } = 1;

    /// <summary>The match_template configuration, absolute path.</summary>
    [JsonPropertyName("config")]
    public required string Config { get; init; }

    /// <summary>The micrograph table, absolute path; null for the configuration's single micrograph.</summary>
    [JsonPropertyName("micrograph_table")]
    public string? MicrographTable { get; init; }

    /// <summary>Shards per micrograph.</summary>
    [JsonPropertyName("shards")]
    public required int Shards { get; init; }

    /// <summary>How nodes start leopard (shell text).</summary>
    [JsonPropertyName("leopard_command")]
    public required string LeopardCommand { get; init; }

    /// <summary>The micrographs in array order.</summary>
    [JsonPropertyName("micrographs")]
    public required IReadOnlyList<RunMicrograph> Micrographs { get; init; }

    /// <summary>The array job's id once submitted.</summary>
    [JsonPropertyName("array_job_id")]
    public string? ArrayJobId { get; init; }

    /// <summary>The merge job's id once submitted.</summary>
    [JsonPropertyName("merge_job_id")]
    public string? MergeJobId { get; init; }

    /// <summary>Writes the manifest (replacing an earlier one of the run).</summary>
    public void Write(string path) =>
        AtomicFileWriter.Write(path, overwrite: true, stream => JsonSerializer.Serialize(stream, this, RunManifestJson.Default.RunManifest));

    /// <summary>Reads a manifest.</summary>
    /// <exception cref="FileNotFoundException">There is none (the folder is not a cluster run).</exception>
    /// <exception cref="FormatException">It is not a manifest this leopard reads.</exception>
    public static RunManifest Read(string path)
    {
        InputFile.Require(path, "the run manifest (written by 'leopard slurm match-template')");
        try
        {
            var manifest = JsonSerializer.Deserialize(File.ReadAllBytes(path), RunManifestJson.Default.RunManifest);
            return manifest is { Format: FormatName, Version: 1 }
                ? manifest
                : throw new FormatException($"'{path}' is not a leopard run manifest of version 1.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"'{path}' is not a valid run manifest: {e.Message}");
        }
    }
}

/// <summary>One micrograph of a cluster run.</summary>
/// <param name="Name">Its folder name in the run.</param>
/// <param name="Path">The micrograph file, absolute.</param>
public sealed record RunMicrograph(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("path")] string Path);

/// <summary>The manifest's JSON contract, generated at compile time (the trimmed single-file build allows no reflection).</summary>
[JsonSerializable(typeof(RunManifest))]
[JsonSourceGenerationOptions(WriteIndented = true)]
internal sealed partial class RunManifestJson : JsonSerializerContext;
