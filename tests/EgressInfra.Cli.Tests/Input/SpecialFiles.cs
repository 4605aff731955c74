using System.Net.Sockets;

namespace EgressInfra.Cli.Tests.Input;

/// <summary>Makes FIFOs and sockets in a temp folder for the tests, and runs egressctl with a deadline.</summary>
internal static class SpecialFiles
{
    /// <summary>Creates a named pipe with the system's mkfifo; false where the OS has none.</summary>
    public static bool TryMakeFifo(string path) => TestSupport.Fifos.TryMake(path);

    /// <summary>Binds a Unix domain socket at <paramref name="path"/>; the socket must stay open while the file is used.</summary>
    public static Socket? TryMakeSocket(string path)
    {
        if (!Socket.OSSupportsUnixDomainSockets)
        {
            return null;
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    public static string TempDir() => Directory.CreateTempSubdirectory("egressctl-hostile-").FullName;

    /// <summary>Runs egressctl in-process and fails the test, rather than hang it, when the run does not end in time.</summary>
    public static (int Exit, string Out, string Err) RunWithin(TimeSpan limit, CliContextFactory? context, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var run = Task.Run(() => EgressCtl.Run(args, context?.Invoke(stdout, stderr) ?? new CliContext(stdout, stderr)));
        Assert.True(run.Wait(limit), $"egressctl {string.Join(' ', args)} did not end within {limit.TotalSeconds} s");
        return (run.Result, stdout.ToString(), stderr.ToString());
    }

    public static (int Exit, string Out, string Err) RunWithin(params string[] args) => RunWithin(TimeSpan.FromSeconds(30), null, args);

    public delegate CliContext CliContextFactory(TextWriter stdout, TextWriter stderr);
}
