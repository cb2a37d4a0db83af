using System.CommandLine;
using LeopardEm.Outputs;
using LeopardEm.Programs;

namespace LeopardEm.Cli.Commands;

/// <summary>The optional outputs of a run that picks particles (match-template, pick): figures, full-size maps and a
/// coordinate file.</summary>
internal sealed class PickOutputOptionSet
{
    private readonly Option<DirectoryInfo?> _plots = new("--plots")
    {
        Description = "Write the picking figures (z-score map with the picks, survival function, z-score/MIP density; PNG) "
            + "and an index.html showing them with the table of picks into this folder.",
        HelpName = "DIR",
    };

    private readonly Option<DirectoryInfo?> _fullSizeMaps = new("--full-size-maps")
    {
        Description = "Write every result map padded to the micrograph's shape, aligned to particle centres, as DIR/NAME"
            + PickingOutputs.FullSizeSuffix + ".mrc (border value 0), to overlay the micrograph in a viewer.",
        HelpName = "DIR",
    };

    private readonly Option<FileInfo?> _coords = new("--coords")
    {
        Description = "Write the particle centres in micrograph pixels for viewers: FILE.coords (x y per line) or FILE.box (EMAN box "
            + "file, boxes of the template's size).",
        HelpName = "FILE",
    };

    public PickOutputOptionSet()
    {
        _coords.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo?>() is { } file && !CoordinatesOutput<object>.IsSupported(file.Name))
            {
                result.AddError($"--coords must end in {CoordinatesOutput<object>.CoordsExtension} or {CoordinatesOutput<object>.BoxExtension}; got '{file.Name}'.");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Add(_plots);
        command.Add(_fullSizeMaps);
        command.Add(_coords);
    }

    /// <summary>The figures' folder, or null.</summary>
    public string? Plots(ParseResult parse) => parse.GetValue(_plots)?.FullName;

    /// <summary>The full-size maps' folder, or null.</summary>
    public string? FullSizeMaps(ParseResult parse) => parse.GetValue(_fullSizeMaps)?.FullName;

    /// <summary>The coordinate file, or null.</summary>
    public string? Coordinates(ParseResult parse) => parse.GetValue(_coords)?.FullName;
}
