using System.Diagnostics;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Cli;

/// <summary>
/// A fact that needs a size-limited tmpfs (a real full disk): skipped with the reason where this process cannot mount
/// one (not root, no CAP_SYS_ADMIN), except in CI (<see cref="Requirement"/>). A CI machine that cannot mount says so
/// in <c>LEOPARD_NO_TMPFS</c> (.ci/run checks); the test then runs and reports that it could not exercise a real disk,
/// the same failure path being covered in-process by the output-set tests.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TmpfsFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    /// <summary>Skips the test where no tmpfs can be mounted.</summary>
    public TmpfsFactAttribute()
    {
        Skip = Declared is null ? Requirement.SkipReason(Unavailable.Value) : null;
    }

    /// <summary>Why CI declared this machine unable to mount a tmpfs, or null.</summary>
    public static string? Declared => Environment.GetEnvironmentVariable("LEOPARD_NO_TMPFS") is { Length: > 0 } reason ? reason : null;

    /// <summary>Mounts a tmpfs of <paramref name="size"/> (e.g. "400k") at <paramref name="path"/>; null when mounted,
    /// else why not.</summary>
    public static string? Mount(string path, string size)
    {
        try
        {
            using var mount = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", $"size={size}", "tmpfs", path])
            {
                RedirectStandardError = true,
            })!;
            var error = mount.StandardError.ReadToEnd();
            mount.WaitForExit();
            return mount.ExitCode == 0 ? null : $"cannot mount a tmpfs here: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"cannot run mount: {e.Message}";
        }
    }

    /// <summary>Unmounts <paramref name="path"/>.</summary>
    public static void Unmount(string path)
    {
        using var unmount = Process.Start("umount", path);
        unmount.WaitForExit();
    }

    private static string? Probe()
    {
        var path = Directory.CreateTempSubdirectory("leopard-tmpfs-probe-").FullName;
        var problem = Mount(path, "64k");
        if (problem is null)
        {
            Unmount(path);
        }

        Directory.Delete(path);
        return problem;
    }
}
