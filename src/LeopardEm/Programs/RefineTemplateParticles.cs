using LeopardEm.Io;
using LeopardEm.Particles;
using LeopardEm.Search;

namespace LeopardEm.Programs;

/// <summary>
/// Builds Leopard-EM's refined particle table (<c>refine_result_to_dataframe</c>, spec §3.5): the input table's
/// values in <see cref="ParticleColumns.Refined"/> order (other columns are dropped, absent ones left empty) with the
/// refined_* columns set from the refinement. Refined positions continue from the positions the refinement started
/// from (refined ones when the input had them).
/// </summary>
public static class RefineTemplateParticles
{
    /// <summary>Builds the table.</summary>
    /// <param name="stack">The particles that were refined.</param>
    /// <param name="results">One result per particle, in order.</param>
    public static ParticleTable Build(ParticleStack stack, IReadOnlyList<ParticleRefinement> results)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count != stack.Count)
        {
            throw new ArgumentException($"Expected {stack.Count} results, got {results.Count}.", nameof(results));
        }

        var input = stack.Table;
        var table = new ParticleTable(ParticleColumns.Refined);
        for (var row = 0; row < stack.Count; row++)
        {
            var values = ParticleColumns.Refined.Where(input.Contains).ToDictionary(c => c, c => input[row, c], StringComparer.Ordinal);
            var result = results[row];
            var pixelSize = stack.NominalPixelSize(row);
            foreach (var (axis, family, shift) in new[] { ("y", stack.YFamily, result.ShiftY), ("x", stack.XFamily, result.ShiftX) })
            {
                values[$"refined_pos_{axis}"] = Shifted(input[row, family], shift);
                values[$"refined_pos_{axis}_img"] = Shifted(input[row, family + "_img"], shift);
                values[$"refined_pos_{axis}_img_angstrom"] = shift * pixelSize + stack.Number(row, family + "_img_angstrom");
            }

            values["refined_phi"] = (float)result.Orientation.Phi;
            values["refined_theta"] = (float)result.Orientation.Theta;
            values["refined_psi"] = (float)result.Orientation.Psi;
            values["refined_relative_defocus"] = result.DefocusOffset + stack.RelativeDefocus(row);
            values["refined_pixel_size"] = result.PixelSizeOffset + stack.PixelSize(row);
            values["refined_mip"] = result.CrossCorrelation;
            values["refined_scaled_mip"] = result.ZScore;
            table.Add(values);
        }

        return table;
    }

    // Whole-pixel positions stay integers; anything else (a position read as a float) stays a float.
    private static object? Shifted(object? position, int shift) => position switch
    {
        int i => (object)(i + shift),
        long l => (object)(l + shift),
        double d => (object)(d + shift),
        _ => throw new FormatException($"A particle position '{position}' is not a number."),
    };
}
