using LeopardEm.Settings;

namespace LeopardEm.Cli.Runs;

/// <summary>One micrograph of a run over micrographs: its folder name and its own settings
/// (<see cref="Datasets.MicrographSettings"/>).</summary>
/// <param name="Name">The folder name in the run.</param>
/// <param name="Settings">The micrograph's settings (absolute paths, outputs in its folder).</param>
internal sealed record RunItem(string Name, MatchTemplateSettings Settings);
