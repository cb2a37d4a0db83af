namespace LeopardEm.Interop;

/// <summary>
/// Reads the micrograph CTFs of a RELION 3.1 STAR file (<c>CtfFind/jobNNN/micrographs_ctf.star</c>): the
/// <c>data_micrographs</c> table with <c>rlnMicrographName</c>, <c>rlnDefocusU</c>, <c>rlnDefocusV</c>,
/// <c>rlnDefocusAngle</c> and optionally <c>rlnPhaseShift</c> (degrees) and <c>rlnOpticsGroup</c>, and the
/// <c>data_optics</c> table's <c>rlnVoltage</c>, <c>rlnSphericalAberration</c>, <c>rlnAmplitudeContrast</c> and
/// <c>rlnMicrographPixelSize</c> when present. RELION's defocus convention is CTFFIND's; values are normalised to
/// U ≥ V (<see cref="CtfEstimate.FromAlongAngle"/>).
/// </summary>
public static class RelionCtfStarReader
{
    private const string What = "a RELION micrograph CTF STAR file";

    /// <summary>Reads the file: one estimate per micrograph, in file order.</summary>
    /// <exception cref="StarFormatException">The file is malformed or lacks a required block or column.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<CtfEstimate> Read(string path) => FromStar(StarReader.Read(path));

    /// <summary>The estimates of a parsed micrograph CTF STAR document; see <see cref="RelionCtfStarReader"/>.</summary>
    /// <exception cref="StarFormatException">A block, column or value is missing or malformed.</exception>
    public static IReadOnlyList<CtfEstimate> FromStar(StarDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var table = document.Block("micrographs", What).Table();
        table.RequireColumns(What, "rlnMicrographName", "rlnDefocusU", "rlnDefocusV", "rlnDefocusAngle");
        var optics = document.TryGetBlock("optics", out var opticsBlock) ? opticsBlock.Table() : null;
        var estimates = new List<CtfEstimate>(table.RowCount);
        for (var row = 0; row < table.RowCount; row++)
        {
            var estimate = CtfEstimate.FromAlongAngle(
                table.Number(row, "rlnDefocusU"), table.Number(row, "rlnDefocusV"), table.Number(row, "rlnDefocusAngle"),
                table.Contains("rlnPhaseShift") ? table.Number(row, "rlnPhaseShift") : 0) with
            {
                MicrographName = table[row, "rlnMicrographName"],
            };
            if (optics is not null)
            {
                var opticsRow = OpticsRow(optics, table.Contains("rlnOpticsGroup") ? table.Integer(row, "rlnOpticsGroup") : null, table, row);
                estimate = estimate with
                {
                    VoltageKv = Optional(optics, opticsRow, "rlnVoltage"),
                    SphericalAberrationMm = Optional(optics, opticsRow, "rlnSphericalAberration"),
                    AmplitudeContrast = Optional(optics, opticsRow, "rlnAmplitudeContrast"),
                    PixelSize = Optional(optics, opticsRow, "rlnMicrographPixelSize"),
                };
            }

            estimates.Add(estimate);
        }

        return estimates;
    }

    // The data_optics row of the micrograph's group; without rlnOpticsGroup the table must have one row.
    private static int OpticsRow(StarTable optics, int? group, StarTable micrographs, int row)
    {
        if (group is null || !optics.Contains("rlnOpticsGroup"))
        {
            return optics.RowCount == 1
                ? 0
                : throw new StarFormatException(micrographs.SourceName, micrographs.LineOf(row),
                    $"cannot tell which of the {optics.RowCount} optics groups the micrograph belongs to (no _rlnOpticsGroup)");
        }

        for (var r = 0; r < optics.RowCount; r++)
        {
            if (optics.Integer(r, "rlnOpticsGroup") == group)
            {
                return r;
            }
        }

        throw new StarFormatException(micrographs.SourceName, micrographs.LineOf(row), $"optics group {group} is not in data_optics");
    }

    private static double? Optional(StarTable table, int row, string column) =>
        table.Contains(column) ? table.Number(row, column) : null;
}
