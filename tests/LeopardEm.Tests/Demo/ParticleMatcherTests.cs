using LeopardEm.Demo;
using LeopardEm.Orientations;

namespace LeopardEm.Tests.Demo;

public class ParticleMatcherTests
{
    private static readonly EulerAngles Orientation = new(10, 50, 200);

    [Fact]
    public void Each_planted_particle_pairs_with_the_closest_found_one_within_reach()
    {
        PlantedParticle[] planted = [Planted(100, 100), Planted(200, 100), Planted(300, 300)];
        FoundParticle[] found = [Found(202, 101, z: 9), Found(101, 100, z: 8), Found(100, 103, z: 7), Found(50, 50, z: 6.5)];

        var report = ParticleMatcher.Match(planted, found);

        Assert.Same(found[1], report.Matches[0].Found);
        Assert.Same(found[0], report.Matches[1].Found);
        Assert.Null(report.Matches[2].Found);
        Assert.Equal(2, report.FoundCount);
        Assert.False(report.AllFound);
        Assert.Equal([found[2], found[3]], report.Unpaired);
        Assert.Equal(1, report.Matches[0].PositionError, 1e-12);
        Assert.Equal(Math.Sqrt(5), report.Matches[1].PositionError, 1e-12);
        Assert.True(double.IsNaN(report.Matches[2].PositionError));
    }

    [Fact]
    public void A_found_particle_serves_only_one_planted_particle()
    {
        PlantedParticle[] planted = [Planted(100, 100), Planted(103, 100)];
        FoundParticle[] found = [Found(101, 100, z: 9)];

        var report = ParticleMatcher.Match(planted, found);

        Assert.Same(found[0], report.Matches[0].Found);
        Assert.Null(report.Matches[1].Found);
        Assert.Empty(report.Unpaired);
    }

    [Fact]
    public void Nothing_pairs_beyond_the_maximum_distance()
    {
        var report = ParticleMatcher.Match([Planted(100, 100)], [Found(104, 103, z: 9)], maxDistance: 4.9);
        Assert.False(report.Matches[0].IsFound);
        Assert.True(ParticleMatcher.Match([Planted(100, 100)], [Found(104, 103, z: 9)], maxDistance: 5).AllFound);
    }

    [Fact]
    public void Errors_are_the_geodesic_angle_and_the_signed_defocus_difference()
    {
        var turned = (Orientation.ToMatrix() * RotationMatrix.RotationY(7)).ToEuler();
        var match = new ParticleMatch(
            new PlantedParticle(10, 20, Orientation, RelativeDefocus: 120, SignalToNoise: 12),
            new FoundParticle(10, 20, turned, RelativeDefocus: 0, ZScore: 9));

        Assert.Equal(7, match.AngularError, 1e-9);
        Assert.Equal(-120, match.DefocusError, 1e-9);
        Assert.Equal(0, match.PositionError);
    }

    private static PlantedParticle Planted(int x, int y) => new(x, y, Orientation, 0, 12);

    private static FoundParticle Found(int x, int y, double z) => new(x, y, Orientation, 0, z);
}
