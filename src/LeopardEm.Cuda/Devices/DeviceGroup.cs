using System.Runtime.ExceptionServices;
using ILGPU.Runtime;

namespace LeopardEm.Cuda.Devices;

/// <summary>
/// The devices a pair of device backends runs on: work is split into one part per device, run on one thread per
/// device, and the parts come back in device order. Each device runs one part at a time (its pipelines bind the
/// accelerator and use its default stream), so backends sharing devices may be called from several threads.
/// </summary>
public sealed class DeviceGroup : IDisposable
{
    private readonly DeviceSession[] _sessions;
    private readonly bool _owned;

    /// <summary>A group of <paramref name="sessions"/>, in that order.</summary>
    /// <param name="sessions">One session per device, at least one.</param>
    /// <param name="owned">Whether disposing the group disposes the sessions.</param>
    public DeviceGroup(IReadOnlyList<DeviceSession> sessions, bool owned = false)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        if (sessions.Count == 0)
        {
            throw new ArgumentException("A device group needs at least one device.", nameof(sessions));
        }

        _sessions = [.. sessions];
        _owned = owned;
    }

    /// <summary>Number of devices.</summary>
    public int Count => _sessions.Length;

    /// <summary>"cuda" when every device is a CUDA device, "ilgpu-cpu" for ILGPU's CPU accelerator.</summary>
    public string Kind => _sessions.All(s => s.IsCuda) ? "cuda" : "ilgpu-cpu";

    /// <summary>The devices, one line each (<see cref="DeviceSession.Description"/>).</summary>
    public IEnumerable<string> Descriptions => _sessions.Select(s => s.Description);

    /// <summary>A backend name: the kind and the devices' names, e.g. "cuda (NVIDIA H200, NVIDIA H200)".</summary>
    public string Name => $"{Kind} ({string.Join(", ", _sessions.Select(s => s.Accelerator.Name))})";

    /// <summary>
    /// Runs <paramref name="work"/>(accelerator, part) for parts 0..<paramref name="parts"/>−1 (at most
    /// <see cref="Count"/>), part d on device d: on the calling thread for one part, else one thread per part. A
    /// cancelled part surfaces as <see cref="OperationCanceledException"/>, any other failure as itself (the first one).
    /// </summary>
    internal T[] Run<T>(int parts, Func<Accelerator, int, T> work, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parts, Count);
        var results = new T[parts];
        void RunPart(int d)
        {
            lock (_sessions[d].Gate)
            {
                results[d] = work(_sessions[d].Accelerator, d);
            }
        }

        if (parts == 1)
        {
            RunPart(0);
            return results;
        }

        try
        {
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, RunPart);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OperationCanceledException))
        {
            throw new OperationCanceledException("The device run was cancelled.", ex, cancellation);
        }
        catch (AggregateException ex)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions.First(e => e is not OperationCanceledException)).Throw();
        }

        return results;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_owned)
        {
            foreach (var session in _sessions)
            {
                session.Dispose();
            }
        }
    }
}
