using System.Numerics;

namespace LeopardEm.Simulation;

/// <summary>
/// Integrates atoms' potentials over the voxels of a slab of planes <c>[z0, z1)</c> of the fine grid. Each Gaussian
/// term is separable, so its voxel integrals are outer products of three 1-D tables of erf differences: the work per
/// atom is a few hundred erf evaluations and one multiply-add per voxel of the footprint. One renderer per thread.
/// </summary>
internal sealed class SlabRenderer
{
    private readonly AtomFootprints _atoms;
    private readonly int _size;
    private readonly double _pixelSize;
    private readonly float[] _tz;
    private readonly float[] _ty;
    private readonly float[] _tx;

    /// <param name="atoms">Prepared atoms.</param>
    /// <param name="size">Edge length of the fine grid in voxels.</param>
    /// <param name="pixelSize">Fine voxel size in Å.</param>
    public SlabRenderer(AtomFootprints atoms, int size, double pixelSize)
    {
        _atoms = atoms;
        _size = size;
        _pixelSize = pixelSize;
        var longest = 2 * atoms.MaxHalfWidth + 1;
        _tz = new float[longest];
        _ty = new float[longest];
        _tx = new float[longest];
    }

    /// <summary>Adds the potential of every atom that reaches planes <c>[z0, z1)</c> to <paramref name="slab"/>, a
    /// <c>(z1 − z0) x size x size</c> block whose first plane is z0.</summary>
    public void Render(Span<float> slab, int z0, int z1)
    {
        var reach = _atoms.MaxHalfWidth;
        var last = _atoms.FirstAtZ(z1 + reach);
        for (var a = _atoms.FirstAtZ(z0 - reach); a < last; a++)
        {
            for (var i = 0; i < AtomFootprints.Terms; i++)
            {
                RenderTerm(slab, z0, z1, a, i);
            }
        }
    }

    private void RenderTerm(Span<float> slab, int z0, int z1, int a, int term)
    {
        var h = _atoms.HalfWidth[a * AtomFootprints.Terms + term];
        var iz = _atoms.Voxel[3 * a];
        var zLo = Math.Max(iz - h, z0);
        var zHi = Math.Min(iz + h, z1 - 1);
        if (zLo > zHi)
        {
            return;
        }

        var k = _atoms.K[a * AtomFootprints.Terms + term];
        var amplitude = _atoms.Amplitude[a * AtomFootprints.Terms + term];
        var width = 2 * h + 1;
        var depth = zHi - zLo + 1;
        var tz = _tz.AsSpan(0, depth);
        var ty = _ty.AsSpan(0, width);
        var tx = _tx.AsSpan(0, width);
        FillEdgeDifferences(tz, zLo - iz, _atoms.Offset[3 * a], k);
        FillEdgeDifferences(ty, -h, _atoms.Offset[3 * a + 1], k);
        FillEdgeDifferences(tx, -h, _atoms.Offset[3 * a + 2], k);

        var y0 = _atoms.Voxel[3 * a + 1] - h;
        var x0 = _atoms.Voxel[3 * a + 2] - h;
        for (var z = 0; z < depth; z++)
        {
            var cz = amplitude * tz[z];
            var plane = (zLo - z0 + z) * _size;
            for (var y = 0; y < width; y++)
            {
                AddScaled(slab.Slice(((plane + y0 + y) * _size) + x0, width), tx, cz * ty[y]);
            }
        }
    }

    /// <summary>
    /// <c>table[j] = erf(k·r2) − erf(k·r1)</c> for the voxel at offset <c>first + j</c> from the atom's voxel, whose
    /// edges relative to the atom are <c>r1 = (o − offset − 0.5)·ps</c> and <c>r2 = r1 + ps</c> (Å). Summed over all
    /// offsets the table tends to 2, so a term's voxel values sum to 8 × its amplitude.
    /// </summary>
    private void FillEdgeDifferences(Span<float> table, int first, double offset, double k)
    {
        var scale = k * _pixelSize;
        var previous = FastErf.Erf(scale * (first - offset - 0.5));
        for (var j = 0; j < table.Length; j++)
        {
            var next = FastErf.Erf(scale * (first + j - offset + 0.5));
            table[j] = (float)(next - previous);
            previous = next;
        }
    }

    private static void AddScaled(Span<float> row, ReadOnlySpan<float> values, float scale)
    {
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; j + Vector<float>.Count <= row.Length; j += Vector<float>.Count)
            {
                var sum = new Vector<float>(row[j..]) + (new Vector<float>(values[j..]) * scale);
                sum.CopyTo(row[j..]);
            }
        }

        for (; j < row.Length; j++)
        {
            row[j] += values[j] * scale;
        }
    }
}
