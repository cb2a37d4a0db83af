using System.Globalization;
using LeopardEm.Io;
using LeopardEm.Optics;
using LeopardEm.Orientations;
using LeopardEm.Particles;
using LeopardEm.Tests.Io;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Particles;

public class ParticleStackTests
{
    // Two particles with every match_template column, as Python values.
    private static readonly Dictionary<string, object?>[] Rows =
    [
        Row(0, 354, 351, 0.0, 110.0, 130.0, -500.0),
        Row(1, 351, 34, 12.5, 130.0, 280.0, 0.0),
    ];

    private static Dictionary<string, object?> Row(int index, int x, int y, double phi, double theta, double psi, double defocus) => new()
    {
        ["particle_index"] = index,
        ["mip"] = 14.723892f,
        ["scaled_mip"] = 10.126942f,
        ["correlation_mean"] = 0.5625486f,
        ["correlation_variance"] = 1.398383f,
        ["total_correlations"] = 44496,
        ["pos_x"] = x,
        ["pos_y"] = y,
        ["pos_x_img"] = x + 64,
        ["pos_y_img"] = y + 64,
        ["pos_x_img_angstrom"] = (x + 64) * 1.5,
        ["pos_y_img_angstrom"] = (y + 64) * 1.5,
        ["phi"] = phi,
        ["theta"] = theta,
        ["psi"] = psi,
        ["relative_defocus"] = defocus,
        ["defocus_u"] = 10000.0,
        ["defocus_v"] = 9000.0,
        ["astigmatism_angle"] = 30.0,
        ["pixel_size"] = 1.5,
        ["refined_pixel_size"] = 1.5,
        ["voltage"] = 300.0,
        ["spherical_aberration"] = 2.7,
        ["amplitude_contrast_ratio"] = 0.07,
        ["phase_shift"] = 0.0,
        ["ctf_B_factor"] = 30.0,
        ["even_zernikes"] = null,
        ["odd_zernikes"] = null,
        ["mag_matrix"] = null,
        ["micrograph_path"] = "inputs/micrograph.mrc",
        ["template_path"] = "inputs/template.mrc",
        ["mip_path"] = "out/mip.mrc",
        ["scaled_mip_path"] = "out/scaled_mip.mrc",
        ["psi_path"] = "out/psi.mrc",
        ["theta_path"] = "out/theta.mrc",
        ["phi_path"] = "out/phi.mrc",
        ["defocus_path"] = "out/defocus.mrc",
        ["correlation_average_path"] = "out/avg.mrc",
        ["correlation_variance_path"] = "out/std.mrc",
    };

    private static ParticleTable Table(IEnumerable<string>? extraColumns = null, Action<int, Dictionary<string, object?>>? edit = null)
    {
        var table = new ParticleTable(ParticleColumns.MatchTemplate.Concat(extraColumns ?? []));
        for (var i = 0; i < Rows.Length; i++)
        {
            var row = new Dictionary<string, object?>(Rows[i]);
            edit?.Invoke(i, row);
            table.Add(row);
        }

        return table;
    }

    // The text pandas writes for the rows (DataFrame.to_csv, index column first).
    private static string PandasCsv()
    {
        static string Text(object? v) => v switch
        {
            null => "",
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            double d => d % 1 == 0 ? d.ToString("0.0", CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture),
            _ => Convert.ToString(v, CultureInfo.InvariantCulture)!,
        };

        var lines = new List<string> { "," + string.Join(",", ParticleColumns.MatchTemplate) };
        lines.AddRange(Rows.Select((row, i) => i + "," + string.Join(",", ParticleColumns.MatchTemplate.Select(c => Text(row[c])))));
        return string.Join("\n", lines) + "\n";
    }

    [Fact]
    public void Leopard_em_and_our_own_tables_read_the_same_with_or_without_the_index_column()
    {
        using var directory = new TempDirectory();
        var leopard = directory.File("leopard.csv");
        File.WriteAllText(leopard, PandasCsv());
        var noIndex = directory.File("no-index.csv");
        File.WriteAllLines(noIndex, PandasCsv().TrimEnd('\n').Split('\n').Select(l => l[(l.IndexOf(',') + 1)..]));
        var ours = directory.File("ours.csv");
        ParticleTableCsv.Write(ours, Table(), overwrite: false);

        var stacks = new[] { leopard, noIndex, ours }.Select(ParticleStack.Read).ToArray();

        foreach (var stack in stacks)
        {
            Assert.Equal(2, stack.Count);
            Assert.Equal((351, 354), (stack[0].Y, stack[0].X));
            Assert.Equal((34, 351), (stack[1].Y, stack[1].X));
            Assert.Equal(new EulerAngles(12.5, 130, 280), stack[1].Orientation);
            Assert.Equal(-500, stack[0].RelativeDefocus);
            Assert.Equal(1.5, stack[0].PixelSize);
            Assert.Equal(new CtfParameters(9500, 8500, 30, 300, 2.7, 0.07, 0, 30), stack[0].Ctf);
            Assert.Equal("out/std.mrc", stack[1].CorrelationStandardDeviationPath);
            Assert.False(stack[0].HasAberrations);
            Assert.Equal(14.723892, stack[0].Mip, 1e-6);
            Assert.Empty(stack.Notes);
        }
    }

    [Fact]
    public void Missing_columns_are_all_named()
    {
        var table = new ParticleTable(ParticleColumns.MatchTemplate.Where(c => c is not ("mip" or "pos_y")));
        var error = Assert.Throws<FormatException>(() => new ParticleStack(table, "p.csv"));
        Assert.Contains("p.csv: missing the following columns: mip, pos_y", error.Message);
    }

    [Fact]
    public void Refined_columns_are_preferred_where_leopard_em_prefers_them()
    {
        string[] refined =
        [
            "refined_pos_y", "refined_pos_y_img", "refined_pos_y_img_angstrom", "refined_pos_x",
            "refined_phi", "refined_theta", "refined_psi", "refined_relative_defocus",
        ];
        var table = Table(refined, (i, row) =>
        {
            row["refined_pos_y"] = 100 + i;
            row["refined_pos_y_img"] = 164 + i;
            row["refined_pos_y_img_angstrom"] = 246.0;
            row["refined_pos_x"] = 7;
            (row["refined_phi"], row["refined_theta"], row["refined_psi"]) = (1.0, 2.0, 3.0);
            row["refined_relative_defocus"] = 40.0;
            row["refined_pixel_size"] = 1.52;
        });

        var stack = new ParticleStack(table);

        // y has the whole refined family; x lacks refined_pos_x_img, so x stays unrefined.
        Assert.Equal(("refined_pos_y", "pos_x"), (stack.YFamily, stack.XFamily));
        Assert.Equal((101, 351), (stack[1].Y, stack[1].X));
        Assert.Equal(165, stack[1].CentreY);
        Assert.Equal(new EulerAngles(1, 2, 3), stack[0].Orientation);
        Assert.Equal(40, stack[0].RelativeDefocus);
        Assert.Equal(1.52, stack[0].PixelSize);
        Assert.Equal(1.5, stack[0].NominalPixelSize);
        Assert.Equal(10000 + 40, stack[0].Ctf.DefocusU);
    }

    [Fact]
    public void A_refined_column_with_missing_values_falls_back_for_every_particle()
    {
        var table = Table(["refined_relative_defocus"], (i, row) => row["refined_relative_defocus"] = i == 0 ? 40.0 : double.NaN);

        var stack = new ParticleStack(table);

        Assert.Equal("relative_defocus", stack.RelativeDefocusColumn);
        Assert.Equal(-500, stack[0].RelativeDefocus);
        Assert.Contains("refined_relative_defocus has a missing or non-finite value (particle 1)", Assert.Single(stack.Notes));
    }

    [Fact]
    public void Unusable_cells_are_reported_with_the_particle_and_column()
    {
        string Error(Action<int, Dictionary<string, object?>> edit) =>
            Assert.Throws<FormatException>(() => new ParticleStack(Table(edit: edit), "p.csv")).Message;

        Assert.Contains("p.csv: particle 1, column pos_x: 3.5 is not a whole pixel position", Error((i, row) => row["pos_x"] = i == 1 ? 3.5 : 3.0));
        Assert.Contains("particle 0 has no value in column voltage", Error((i, row) => row["voltage"] = null));
        Assert.Contains("particle 1, column voltage: 'high' is not a number", Error((i, row) => row["voltage"] = i == 1 ? "high" : 300.0));
        var stack = new ParticleStack(Table(edit: (i, row) =>
        {
            row["pos_x"] = 3.0;
            row["pos_x_img"] = 35.0;
            row["mag_matrix"] = i == 1 ? "[1.0, 0.0, 0.0, 1.0]" : null;
        }));
        Assert.Equal((351, 3), (stack[0].Y, stack[0].X));
        Assert.True(stack[1].HasAberrations);
        Assert.False(stack[0].HasAberrations);
    }

    [SharedDataFact("golden/leopard-em-1/leopard-em-output/results.csv")]
    public void Reads_leopard_ems_golden_table()
    {
        var stack = ParticleStack.Read(SharedData.Find("golden/leopard-em-1/leopard-em-output/results.csv")!);

        Assert.Equal(9, stack.Count);
        Assert.Equal((351, 354), (stack[0].Y, stack[0].X));
        Assert.Equal(new EulerAngles(0, 110, 130), stack[0].Orientation);
        Assert.Equal(-500, stack[0].RelativeDefocus);
        Assert.Equal("refined_pixel_size", stack.PixelSizeColumn);
        Assert.Equal("leopard-em-output/output_correlation_variance.mrc", stack[0].CorrelationStandardDeviationPath);
    }
}
