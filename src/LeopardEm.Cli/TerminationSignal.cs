using System.Runtime.InteropServices;

namespace LeopardEm.Cli;

/// <summary>A cancellation token that Ctrl-C (SIGINT) and SIGTERM (e.g. SLURM's scancel or preemption) cancel instead of
/// killing the process, so a running search stops between batches and exits cleanly, with the shell's exit code for the
/// signal (<see cref="ExitCode"/>).</summary>
internal sealed class TerminationSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public TerminationSignal()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
    }

    private volatile int _exitCode = ExitCodes.Cancelled;

    public CancellationToken Token => _source.Token;

    /// <summary>The exit code of a cancelled run: 130 after SIGINT (or a cancellation without a signal), 143 after
    /// SIGTERM.</summary>
    public int ExitCode => _exitCode;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _source.Dispose();
    }

    private void Cancel(PosixSignalContext context)
    {
        context.Cancel = true;
        _exitCode = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Cancelled;
        _source.Cancel();
    }
}
