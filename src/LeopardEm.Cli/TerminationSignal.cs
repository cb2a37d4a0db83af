using System.Runtime.InteropServices;

namespace LeopardEm.Cli;

/// <summary>A cancellation token that Ctrl-C (SIGINT) and SIGTERM (e.g. SLURM's scancel) cancel instead of killing the
/// process, so a running search stops between batches and exits cleanly.</summary>
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

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _source.Dispose();
    }

    private void Cancel(PosixSignalContext context)
    {
        context.Cancel = true;
        _source.Cancel();
    }
}
