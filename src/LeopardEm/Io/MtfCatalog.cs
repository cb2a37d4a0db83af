namespace LeopardEm.Io;

/// <summary>
/// Resolves ttsim3d's <c>mtf_reference</c>: a path to a STAR file, or one of ttsim3d's built-in detector names. The
/// built-in tables (from RELION and the vendors) are not shipped with Leopard-EM for .NET; a built-in name is looked
/// up as its RELION file name in the folder named by <see cref="DirectoryVariable"/>.
/// </summary>
public static class MtfCatalog
{
    /// <summary>Environment variable naming a folder of RELION MTF STAR files (<c>mtf_k2_300kV.star</c>, …).</summary>
    public const string DirectoryVariable = "LEOPARD_MTF_DIR";

    /// <summary>ttsim3d's built-in names (case-sensitive) and the RELION file each stands for.</summary>
    public static IReadOnlyDictionary<string, string> BuiltInFiles { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["de20_300kv"] = "mtf_de20_300kV.star",
        ["falcon2_300kv"] = "mtf_falcon2_300kV.star",
        ["falcon3EC_200kv"] = "mtf_falcon3EC_200kV.star",
        ["falcon3EC_300kv"] = "mtf_falcon3EC_300kV.star",
        ["falcon4EC_200kv"] = "mtf_falcon4EC_200kV.star",
        ["falcon4EC_300kv"] = "mtf_falcon4EC_300kV.star",
        ["k2_300kv"] = "mtf_k2_300kV.star",
        ["k2_200kV_FL2"] = "mtf_k2_200kV_FL2.star",
        ["k2_300kV_FL2"] = "mtf_k2_300kV_FL2.star",
        ["k3_200kV_FL2"] = "mtf_k3_standard_200kV_FL2.star",
        ["k3_300kV_FL2"] = "mtf_k3_standard_300kV_FL2.star",
        ["k3_200kV_CDS"] = "mtf_k3_CDS_200kV_FL2.star",
        ["k3_300kV_CDS"] = "mtf_k3_CDS_300kV_FL1.star",
    };

    /// <summary>The STAR file <paramref name="reference"/> stands for.</summary>
    /// <param name="reference">A file path (relative to <paramref name="baseDirectory"/>) or a built-in name.</param>
    /// <param name="baseDirectory">Folder relative paths are resolved against.</param>
    /// <param name="mtfDirectory">Folder of RELION MTF files for built-in names; null reads
    /// <see cref="DirectoryVariable"/>.</param>
    /// <exception cref="FileNotFoundException">Neither a file nor a built-in name whose file is available; the message
    /// says what to do.</exception>
    public static string Resolve(string reference, string baseDirectory, string? mtfDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var asPath = Path.GetFullPath(reference, baseDirectory);
        if (File.Exists(asPath))
        {
            return asPath;
        }

        if (!BuiltInFiles.TryGetValue(reference, out var fileName))
        {
            throw new FileNotFoundException(
                $"MTF '{reference}' is neither a file ({asPath} does not exist) nor a built-in name ({string.Join(", ", BuiltInFiles.Keys)}).",
                asPath);
        }

        var folder = mtfDirectory ?? Environment.GetEnvironmentVariable(DirectoryVariable);
        var candidate = string.IsNullOrEmpty(folder) ? null : Path.Combine(folder, fileName);
        return candidate is not null && File.Exists(candidate)
            ? candidate
            : throw new FileNotFoundException(
                $"MTF '{reference}' is a built-in ttsim3d name, but its table is not shipped with Leopard-EM for .NET: " +
                $"give the path to {fileName} (RELION's MTF files) or set {DirectoryVariable} to the folder holding it" +
                (candidate is null ? "." : $" ({candidate} does not exist)."),
                fileName);
    }
}
