namespace LeopardEm.Cli;

/// <summary>
/// Runs a long verb on a worker task so that Ctrl-C works: System.CommandLine cancels the token on SIGINT and waits a
/// short time for the action's task; a verb that blocked the invoking thread would be abandoned mid-way instead of
/// stopping cleanly and saying so.
/// </summary>
internal static class CancellableRun
{
    public static Task<int> Start(TextWriter error, CancellationToken cancellation, Func<int> work) =>
        Task.Run(() =>
        {
            try
            {
                return work();
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                error.WriteLine(CliApp.CancelledMessage);
                return ExitCodes.Cancelled;
            }
        });
}
