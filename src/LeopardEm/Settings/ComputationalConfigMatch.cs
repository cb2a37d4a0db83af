namespace LeopardEm.Settings;

/// <summary>
/// Compute resources: YAML block <c>computational_config</c> (Leopard-EM <c>ComputationalConfigMatch</c>, and
/// <c>ComputationalConfigRefine</c> of the refine programs, which has the same fields with default backend batched).
/// Unlike every other block, unknown keys here are ignored upstream (the YAML loader reports them as warnings).
/// </summary>
public sealed record ComputationalConfigMatch
{
    /// <summary>YAML key of this block under the match-template root.</summary>
    public const string YamlKey = "computational_config";

    /// <summary><c>gpu_ids</c>: devices to run on (see <see cref="Settings.GpuIds"/>). Default <c>[0]</c>.</summary>
    public GpuIds GpuIds { get; init; } = GpuIds.Default;

    /// <summary><c>num_cpus</c>: worker streams per device, ≥ 1. Default 1.</summary>
    public int NumCpus { get; init; } = 1;

    /// <summary><c>backend</c>: <c>streamed</c> or <c>batched</c>. Default streamed.</summary>
    public CorrelationScheduling Backend { get; init; } = CorrelationScheduling.Streamed;

    /// <summary>Checks ranges; an empty list means valid.</summary>
    /// <param name="keyPath">YAML path of this block, used to name the offending keys.</param>
    public IReadOnlyList<SettingsProblem> Validate(string keyPath = YamlKey)
    {
        var p = new ProblemCollector();
        p.AddRange(GpuIds.Validate(ProblemCollector.Join(keyPath, "gpu_ids")));
        var cpus = ProblemCollector.Join(keyPath, "num_cpus");
        if (NumCpus < 1)
        {
            p.Add(cpus, $"{cpus} must be greater than or equal to 1, got {NumCpus}");
        }

        return p.Problems;
    }
}
