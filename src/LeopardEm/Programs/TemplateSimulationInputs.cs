using LeopardEm.Io;
using LeopardEm.Optics;
using LeopardEm.Settings;

namespace LeopardEm.Programs;

/// <summary>
/// The files a template simulation reads, loaded once (optimize_template re-simulates the same model at many pixel
/// sizes): the atomic model of <see cref="SimulatorSettings.PdbFilepath"/> and, when <c>apply_dqe</c> is true, the MTF
/// of <see cref="SimulatorConfig.MtfReference"/>. Pass them to <see cref="Simulation.PotentialSimulator"/>.
/// </summary>
/// <param name="Model">The atomic model as read (first model, every atom).</param>
/// <param name="Mtf">The detector MTF, or null when <c>apply_dqe</c> is false.</param>
public sealed record TemplateSimulationInputs(AtomicModel Model, DetectorMtf? Mtf)
{
    /// <summary>Reads the model and MTF that <paramref name="settings"/> name.</summary>
    /// <param name="settings">Validated simulator settings.</param>
    /// <param name="baseDirectory">Folder relative paths are resolved against (normally the current directory).</param>
    /// <param name="mtfDirectory">Folder of RELION MTF files for built-in MTF names; null reads
    /// <see cref="MtfCatalog.DirectoryVariable"/>.</param>
    /// <exception cref="SettingsValidationException">The settings are invalid.</exception>
    /// <exception cref="AtomicModelFormatException">The model file is malformed (the message gives file and line).</exception>
    /// <exception cref="FormatException">The MTF file is malformed.</exception>
    /// <exception cref="IOException">A file is missing or unreadable.</exception>
    public static TemplateSimulationInputs Load(SimulatorSettings settings, string baseDirectory, string? mtfDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        SettingsValidationException.ThrowIfAny(settings.Validate(""));
        var model = AtomicModel.Read(Path.GetFullPath(settings.PdbFilepath, baseDirectory));
        var config = settings.SimulatorConfig;
        var mtf = config.ApplyDqe
            ? MtfStarReader.Read(MtfCatalog.Resolve(config.MtfReference, baseDirectory, mtfDirectory))
            : null;
        return new TemplateSimulationInputs(model, mtf);
    }
}
