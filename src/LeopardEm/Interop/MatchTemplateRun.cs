using LeopardEm.Settings;

namespace LeopardEm.Interop;

/// <summary>
/// A finished match_template run, known by its configuration: the micrograph it searched
/// (<see cref="MatchTemplateSettings.MicrographPath"/>) and the statistics maps it wrote
/// (<see cref="MatchTemplateSettings.MatchTemplateResult"/>). Refining the particles of a RELION particle STAR file
/// needs one per micrograph, since the STAR file does not name the full search's mean and standard-deviation maps.
/// </summary>
/// <param name="Name">What names the run in messages, normally its YAML file.</param>
/// <param name="Settings">The run's settings; relative paths in them are resolved against the refinement's base
/// directory, as in the particle tables match_template writes.</param>
public sealed record MatchTemplateRun(string Name, MatchTemplateSettings Settings);
