using LeopardEm.Io;
using LeopardEm.Orientations;
using LeopardEm.Particles;
using LeopardEm.Peaks;
using LeopardEm.Programs;
using LeopardEm.Search;
using LeopardEm.Tests.Settings;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Programs;

public class MatchTemplateParticlesTests
{
    private const string GoldenTable = "golden/leopard-em-1/leopard-em-output/results.csv";

    [SharedDataFact(GoldenTable)]
    public void Columns_are_leopard_em_columns_in_leopard_em_order()
    {
        var header = File.ReadLines(SharedData.Find(GoldenTable)!).First().Split(',');
        Assert.Equal("", header[0]);
        Assert.Equal(header[1..], MatchTemplateParticleColumns.All.Select(c => c.Name));
    }

    /// <summary>One peak at map pixel (y, x) = (2, 3) of a 16 px template: positions are the top-left corner, the
    /// centre is corner + N/2, the "variance" column holds the standard deviation, and optics and paths are copied.</summary>
    [Fact]
    public void Rows_hold_the_maps_at_the_peak_and_the_settings()
    {
        var settings = SampleSettings.Create();
        var space = new SearchSpace([new EulerAngles(10, 20, 30), new EulerAngles(40, 50, 60)], [-100f, 100f], [0f]);
        var statistics = new SearchStatistics(4, 5);
        for (var g = 0; g < space.Total; g++)
        {
            var map = new float[20];
            map[2 * 5 + 3] = g == 3 ? 9f : g;
            statistics.Add(map, 5, g);
        }

        var maps = SearchResultMaps.FromStatistics(statistics, space, settings.OpticsGroup.PixelSize);
        var table = MatchTemplateParticleColumns.ToTable(MatchTemplateParticles.Build([new Peak(2, 3, maps.ScaledMip[2, 3])], maps, settings, 16));

        Assert.Equal(ParticleColumns.MatchTemplate, table.Columns);
        Assert.Single(table.Rows);
        var std = Math.Sqrt((0 + 1 + 4 + 81) / 4.0 - 3 * 3);
        Assert.Equal(0, table[0, "particle_index"]);
        Assert.Equal(9f, table[0, "mip"]);
        Assert.Equal((float)std, table[0, "correlation_variance"]);
        Assert.Equal(3f, table[0, "correlation_mean"]);
        Assert.Equal((float)((9 - 3) / std), table[0, "scaled_mip"]);
        Assert.Equal(4L, table[0, "total_correlations"]);
        Assert.Equal((3, 2, 11, 10), ((int)table[0, "pos_x"]!, (int)table[0, "pos_y"]!, (int)table[0, "pos_x_img"]!, (int)table[0, "pos_y_img"]!));
        Assert.Equal(11 * 1.06, table[0, "pos_x_img_angstrom"]);
        Assert.Equal(10 * 1.06, table[0, "pos_y_img_angstrom"]);
        // Global index 3 = defocus plane 1, orientation 1.
        Assert.Equal((40f, 50f, 60f, 100f), ((float)table[0, "phi"]!, (float)table[0, "theta"]!, (float)table[0, "psi"]!, (float)table[0, "relative_defocus"]!));
        Assert.Equal(settings.OpticsGroup.DefocusU, table[0, "defocus_u"]);
        Assert.Equal(settings.OpticsGroup.PixelSize, table[0, "pixel_size"]);
        Assert.Equal(1.06, settings.OpticsGroup.PixelSize);
        Assert.Equal(1.06f, table[0, "refined_pixel_size"]);
        Assert.Contains(",1.06,1.06,", ParticleTableCsv.Format(table));
        Assert.Null(table[0, "even_zernikes"]);
        Assert.Null(table[0, "mag_matrix"]);
        Assert.Equal(settings.MicrographPath, table[0, "micrograph_path"]);
        Assert.Equal(settings.MatchTemplateResult.CorrelationVariancePath, table[0, "correlation_variance_path"]);
    }
}
