namespace LeopardEm.Cli;

/// <summary>Process exit codes of the <c>leopard</c> command, stable for scripts and SLURM job arrays.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command was understood but failed while running (bad input file, I/O error).</summary>
    public const int RuntimeFailure = 1;

    /// <summary>The command line itself was wrong (unknown verb or option, missing argument, bad value).</summary>
    public const int UsageError = 2;

    /// <summary>The user interrupted the run (Ctrl-C, SIGINT): 128 + 2, the shell convention.</summary>
    public const int Cancelled = 130;

    /// <summary>The run was asked to stop (SIGTERM, e.g. SLURM's scancel or preemption): 128 + 15.</summary>
    public const int Terminated = 143;
}
