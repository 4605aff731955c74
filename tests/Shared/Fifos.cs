using System.Diagnostics;

namespace EgressInfra.TestSupport;

/// <summary>Makes named pipes for the tests that check a FIFO is refused rather than opened (opening one blocks until a writer comes).</summary>
internal static class Fifos
{
    /// <summary>Creates a named pipe with the system's mkfifo; false where the OS has none.</summary>
    public static bool TryMake(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false });
            process!.WaitForExit(10_000);
            return process.ExitCode == 0 && File.Exists(path);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Runs <paramref name="action"/> and fails the test, rather than hang it, when it does not end in time.</summary>
    public static T Within<T>(TimeSpan limit, Func<T> action)
    {
        var run = Task.Run(action);
        if (!run.Wait(limit))
        {
            throw new TimeoutException($"did not end within {limit.TotalSeconds} s: a FIFO was opened");
        }

        return run.Result;
    }
}
