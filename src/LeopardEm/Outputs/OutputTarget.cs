namespace LeopardEm.Outputs;

/// <summary>Where one output of a job goes and what names it in messages.</summary>
/// <param name="Key">The YAML key or command-line option that set the path (e.g.
/// <c>match_template_result.mip_path</c>, <c>--output-csv</c>).</param>
/// <param name="AsWritten">The path as the user wrote it.</param>
/// <param name="Path">The absolute path.</param>
public sealed record OutputTarget(string Key, string AsWritten, string Path)
{
    /// <summary>A target whose <paramref name="asWritten"/> path is resolved against
    /// <paramref name="baseDirectory"/> when relative.</summary>
    public static OutputTarget Resolve(string key, string asWritten, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(asWritten);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        return new OutputTarget(key, asWritten, System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDirectory, asWritten)));
    }

    /// <summary>The path as written, with its resolved location when the user wrote a relative path (a message about a
    /// file is only actionable if one knows where it is).</summary>
    public string Describe() =>
        System.IO.Path.IsPathFullyQualified(AsWritten) ? $"'{AsWritten}'" : $"'{AsWritten}' (resolved to '{Path}')";
}
