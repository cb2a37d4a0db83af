using System.Globalization;
using System.Text.RegularExpressions;

namespace LeopardEm.Settings;

/// <summary>
/// The devices to run on (YAML <c>computational_config.gpu_ids</c>), in any of Leopard-EM's accepted forms: an
/// integer (<c>0</c> → cuda:0), a list of integers, a device string (<c>"all"</c> = every CUDA device,
/// <c>"cpu"</c>, <c>"cuda:1"</c>), or a list of device strings (<c>[cpu, cpu]</c> = two CPU workers). The form is
/// kept so that writing the settings back reproduces what the user wrote.
/// </summary>
public sealed partial record GpuIds
{
    private GpuIds(ValueList<int>? indices, ValueList<string>? devices, bool isList)
    {
        Indices = indices;
        Devices = devices;
        IsList = isList;
    }

    /// <summary>Upstream default <c>[0]</c>.</summary>
    public static GpuIds Default { get; } = FromIndices(0);

    /// <summary><c>"all"</c>: every CUDA device present at run time.</summary>
    public static GpuIds All { get; } = FromDevice("all");

    /// <summary><c>"cpu"</c>: one CPU worker.</summary>
    public static GpuIds Cpu { get; } = FromDevice("cpu");

    /// <summary>CUDA device indices, when the YAML value was an integer or a list of integers; otherwise
    /// null.</summary>
    public ValueList<int>? Indices { get; }

    /// <summary>Device strings, when the YAML value was a string or a list of strings; otherwise null.</summary>
    public ValueList<string>? Devices { get; }

    /// <summary>Whether the YAML value was a list (as opposed to a single integer or string).</summary>
    public bool IsList { get; }

    /// <summary>Whether this is the special string <c>"all"</c>.</summary>
    public bool IsAll => !IsList && Devices is [DeviceAll];

    private const string DeviceAll = "all";

    /// <summary>A single integer, e.g. <c>gpu_ids: 0</c>.</summary>
    public static GpuIds FromIndex(int index) => new([index], null, isList: false);

    /// <summary>A list of integers, e.g. <c>gpu_ids: [0, 2]</c>.</summary>
    public static GpuIds FromIndices(params int[] indices) => new(indices, null, isList: true);

    /// <summary>A single device string, e.g. <c>gpu_ids: "cuda:1"</c>, <c>"all"</c> or <c>"cpu"</c>.</summary>
    public static GpuIds FromDevice(string device) => new(null, new[] { device }, isList: false);

    /// <summary>A list of device strings, e.g. <c>gpu_ids: [cpu, cpu]</c>.</summary>
    public static GpuIds FromDevices(params string[] devices) => new(null, devices, isList: true);

    /// <summary>
    /// The device names to run on, one worker each: integers become <c>cuda:k</c>, <c>"all"</c> expands to
    /// <c>cuda:0 … cuda:(n−1)</c>, other strings are passed through (<c>cuda</c> is normalized to
    /// <c>cuda:0</c>).
    /// </summary>
    /// <param name="cudaDeviceCount">Number of CUDA devices present, used only for <c>"all"</c>.</param>
    /// <exception cref="InvalidOperationException">For <c>"all"</c> when no CUDA device is present.</exception>
    public IReadOnlyList<string> ResolveDeviceNames(int cudaDeviceCount)
    {
        if (IsAll)
        {
            if (cudaDeviceCount <= 0)
            {
                throw new InvalidOperationException("gpu_ids is 'all' but no CUDA devices are available.");
            }

            return Enumerable.Range(0, cudaDeviceCount).Select(i => $"cuda:{i}").ToArray();
        }

        return Indices is not null
            ? Indices.Select(i => $"cuda:{i}").ToArray()
            : Devices!.Select(d => d == "cuda" ? "cuda:0" : d).ToArray();
    }

    /// <summary>Checks ranges and device strings; an empty list means valid.</summary>
    /// <param name="keyPath">YAML path of the <c>gpu_ids</c> key.</param>
    public IReadOnlyList<SettingsProblem> Validate(string keyPath = "computational_config.gpu_ids")
    {
        var p = new ProblemCollector();
        var count = Indices?.Count ?? Devices!.Count;
        if (count == 0)
        {
            p.Add(keyPath, $"{keyPath} must contain at least one entry");
        }

        for (var i = 0; i < (Indices?.Count ?? 0); i++)
        {
            if (Indices![i] < 0)
            {
                var at = IsList ? $"{keyPath}[{i}]" : keyPath;
                p.Add(at, $"{at} must be greater than or equal to 0, got {Indices[i]}");
            }
        }

        for (var i = 0; i < (Devices?.Count ?? 0); i++)
        {
            var device = Devices![i];
            var at = IsList ? $"{keyPath}[{i}]" : keyPath;
            if (device == DeviceAll && IsList)
            {
                p.Add(at, $"{at}: 'all' must be given on its own (gpu_ids: all), not inside a list");
            }
            else if (device != DeviceAll && !DeviceRegex().IsMatch(device))
            {
                // torch would only reject these when the devices are created; we fail at load time.
                p.Add(at, $"{at}: unknown device '{device}'; expected 'all', 'cpu', 'cuda' or 'cuda:N' " +
                          "(or an integer GPU index)");
            }
        }

        return p.Problems;
    }

    /// <summary>Renders the value as YAML flow text, e.g. <c>[0, 1]</c> or <c>all</c>.</summary>
    public override string ToString()
    {
        var items = Indices is not null
            ? Indices.Select(i => i.ToString(CultureInfo.InvariantCulture))
            : Devices!.AsEnumerable();
        var text = string.Join(", ", items);
        return IsList ? $"[{text}]" : text;
    }

    [GeneratedRegex(@"^(cpu|cuda(:\d+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex DeviceRegex();
}
