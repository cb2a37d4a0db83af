using LeopardEm.Interop;

namespace LeopardEm.Programs;

/// <summary>What <see cref="ExportStarJob"/> writes: a RELION particle STAR file and, optionally, the particles cut
/// out into an MRC stack.</summary>
public sealed record ExportStarOptions
{
    /// <summary>The particle STAR file to write.</summary>
    public required string StarPath { get; init; }

    /// <summary>The template volume (MRC) whose edge is the image size (<c>rlnImageSize</c>) when nothing is
    /// extracted; not read when extracting.</summary>
    public string? TemplatePath { get; init; }

    /// <summary>The particle stack to write (<c>.mrcs</c>), or null to extract nothing; needs
    /// <see cref="Extraction"/>.</summary>
    public string? StackPath { get; init; }

    /// <summary>How the boxes are cut and normalised (RELION's defaults); required with <see cref="StackPath"/>.</summary>
    public ExtractionOptions? Extraction { get; init; }

    /// <summary>Replace existing outputs; when false an existing file is an error found before anything is
    /// written.</summary>
    public bool AllowOverwrite { get; init; }
}
