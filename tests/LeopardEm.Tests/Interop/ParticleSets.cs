using LeopardEm.Interop;
using LeopardEm.Orientations;

namespace LeopardEm.Tests.Interop;

/// <summary>Small particle sets for the RELION interop tests.</summary>
internal static class ParticleSets
{
    public static ParticleOptics Optics(int number = 1, int imageSize = 64, double pixelSize = 1.5) => new()
    {
        Number = number,
        Name = $"group {number}",
        VoltageKv = 300,
        SphericalAberrationMm = 2.7,
        AmplitudeContrast = 0.07,
        MicrographPixelSize = pixelSize,
        ImagePixelSize = pixelSize,
        ImageSize = imageSize,
    };

    /// <summary>Three particles in two micrographs and two optics groups, with scores and image names; the defoci of
    /// the second are given smaller-first.</summary>
    public static ParticleSet Mixed() => new(
        [Optics(1), Optics(2, pixelSize: 1.06)],
        [
            new ParticleRecord
            {
                MicrographPath = "mics/a b.mrc", X = 418, Y = 415, Orientation = new EulerAngles(12.5, 110, 130),
                DefocusU = 9500, DefocusV = 8500, AstigmatismAngle = 30, PhaseShift = 0, FigureOfMerit = 10.126942,
                OpticsGroup = 1, ImageName = "000001@stack.mrcs",
            },
            new ParticleRecord
            {
                MicrographPath = "mics/a b.mrc", X = 98, Y = 0, Orientation = new EulerAngles(-170.25, 0.5, 359.75),
                DefocusU = 9000, DefocusV = 10000, AstigmatismAngle = -45, PhaseShift = 90, FigureOfMerit = 7.5,
                OpticsGroup = 1, ImageName = "000002@stack.mrcs",
            },
            new ParticleRecord
            {
                MicrographPath = "/abs/c.mrc", X = 1.25, Y = 3000.5, Orientation = new EulerAngles(0, 180, 0),
                DefocusU = 20000, DefocusV = 20000, AstigmatismAngle = 0, FigureOfMerit = 1e-7,
                OpticsGroup = 2, ImageName = "000003@stack.mrcs",
            },
        ],
        "scaled_mip");
}
