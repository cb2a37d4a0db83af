using LeopardEm.Fft;
using LeopardEm.Filters;
using LeopardEm.Imaging;
using LeopardEm.Optics;
using LeopardEm.Projection;
using LeopardEm.Search;
using LeopardEm.Settings;

namespace LeopardEm.Programs;

/// <summary>
/// Turns validated match_template settings and the loaded micrograph and template into <see cref="SearchInputs"/>:
/// the preprocessing of spec §2 steps 2–11 (micrograph spectrum, filters, normalisation, CTF stack, template
/// spectrum, search space).
/// </summary>
public static class MatchTemplateInputsBuilder
{
    /// <summary>Prepares a search.</summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="micrograph">The micrograph (even height and width).</param>
    /// <param name="template">The template volume (cubic, even edge, no larger than the micrograph).</param>
    /// <param name="fft">FFT engine for the preprocessing transforms.</param>
    /// <param name="validCrop">Keep statistics only where the template lies inside the micrograph,
    /// (H−N+1) x (W−N+1) top-left corners (Leopard-EM's default), instead of all H x W circular positions.</param>
    /// <param name="sliceConvention">How rotation matrices and slices are computed from the Euler angles.</param>
    public static SearchInputs Build(
        MatchTemplateSettings settings,
        Image2D micrograph,
        Volume3D template,
        IFftEngine fft,
        bool validCrop = true,
        SliceConvention sliceConvention = SliceConvention.Exact)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(micrograph);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(fft);
        CheckShapes(micrograph, template);
        int h = micrograph.Height, w = micrograph.Width, n = template.Width;

        var spectrum = new AlignedBuffer<ComplexF>((long)h * (w / 2 + 1));
        try
        {
            var filters = MicrographPreprocessing.Apply(settings.PreprocessingFilters, micrograph.Data, h, w, fft, spectrum.Span);
            var space = SearchSpaceOf(settings, sliceConvention);
            var optics = settings.OpticsGroup;
            var projective = ProjectiveFilterStack.Build(
                CtfOf(optics), optics.PixelSize, 0, space.PixelSizeOffsets, space.RelativeDefocus, filters.Combined(n, n), n);
            return new SearchInputs(
                h, w, spectrum, TemplateSpectrum.FromVolume(template, fft), projective, space,
                validCrop ? h - n + 1 : h, validCrop ? w - n + 1 : w, fft);
        }
        catch
        {
            spectrum.Dispose();
            throw;
        }
    }

    /// <summary>The search space of <paramref name="settings"/> (orientations x defocus planes x pixel-size planes),
    /// from the settings alone: no file is read, so a shard, a plan or a merge can know the space before (or
    /// without) preparing the micrograph.</summary>
    public static SearchSpace SearchSpaceOf(MatchTemplateSettings settings, SliceConvention sliceConvention = SliceConvention.Exact)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new SearchSpace(
            settings.OrientationSearchConfig.GenerateOrientations(),
            settings.DefocusSearchConfig.GetRelativeDefocusValues(),
            settings.PixelSizeSearchConfig.GetPixelSizeOffsets(),
            sliceConvention);
    }

    /// <summary>The CTF parameters of an optics group (Å, kV, mm, degrees, Å²).</summary>
    public static CtfParameters CtfOf(OpticsGroup optics)
    {
        ArgumentNullException.ThrowIfNull(optics);
        return new CtfParameters(
            optics.DefocusU, optics.DefocusV, optics.AstigmatismAngle, optics.Voltage,
            optics.SphericalAberration, optics.AmplitudeContrastRatio, optics.PhaseShift, optics.CtfBFactor);
    }

    /// <summary>Throws unless the template is a cube with an even edge no larger than the micrograph, and the
    /// micrograph has even sides; the message names both files.</summary>
    /// <param name="micrograph">The micrograph.</param>
    /// <param name="template">The template volume.</param>
    /// <param name="micrographName">The micrograph's file, for the message.</param>
    /// <param name="templateName">The template's file, for the message.</param>
    /// <exception cref="InvalidDataException">A shape is unusable.</exception>
    public static void CheckShapes(Image2D micrograph, Volume3D template, string micrographName = "the micrograph", string templateName = "the template")
    {
        ArgumentNullException.ThrowIfNull(micrograph);
        ArgumentNullException.ThrowIfNull(template);
        if (!template.IsCubic)
        {
            throw new InvalidDataException(
                $"The template {templateName} must be cubic; it is {template.Width} x {template.Height} x {template.Depth} voxels (x, y, z).");
        }

        if (template.Width % 2 != 0)
        {
            throw new InvalidDataException(
                $"The template {templateName} must have an even edge (Leopard-EM mis-centres odd sizes); it is {template.Width} voxels.");
        }

        if (micrograph.Height % 2 != 0 || micrograph.Width % 2 != 0)
        {
            throw new InvalidDataException(
                $"The micrograph {micrographName} must have even width and height (Leopard-EM drops the last column of odd widths); " +
                $"it is {micrograph.Width} x {micrograph.Height} px. Crop it by one row or column.");
        }

        if (template.Width > micrograph.Width || template.Width > micrograph.Height)
        {
            throw new InvalidDataException(
                $"The template {templateName} ({template.Width} px) is larger than the micrograph {micrographName} ({micrograph.Width} x {micrograph.Height} px).");
        }
    }
}
