using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Input;

/// <summary>
/// Files that are not regular files, given by name to every stack verb and lint, and met inside a
/// folder lint walks: each run ends at once with exit 2 and one line, or skips the path with a note.
/// </summary>
public class SpecialFileTests
{
    public static TheoryData<string> StackVerbs => ["check", "render", "graph", "explain", "diff"];

    private static string[] StackArgs(string verb, string file) => verb switch
    {
        "explain" => ["explain", "--file", file, "-n", "sandbox", "--host", "pypi.org", "--port", "443"],
        "diff" => ["diff", "--file", file, "--file", file],
        _ => [verb, "--file", file],
    };

    [Theory]
    [MemberData(nameof(StackVerbs))]
    public void Fifo_GivenByName_IsRefusedWithoutBlocking(string verb)
    {
        var fifo = Path.Combine(SpecialFiles.TempDir(), "Pulumi.pipe.yaml");
        if (!SpecialFiles.TryMakeFifo(fifo))
        {
            return; // no mkfifo on this OS
        }

        var (exit, _, err) = SpecialFiles.RunWithin(StackArgs(verb, fifo));

        Assert.Equal(2, exit);
        Assert.Contains("named pipe (FIFO), not a regular file", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Fifo_GivenToLint_IsRefusedAndPointsToStdin()
    {
        var fifo = Path.Combine(SpecialFiles.TempDir(), "entries.yaml");
        if (!SpecialFiles.TryMakeFifo(fifo))
        {
            return;
        }

        var (exit, _, err) = SpecialFiles.RunWithin("lint", fifo);

        Assert.Equal(2, exit);
        Assert.Contains("named pipe (FIFO)", err, StringComparison.Ordinal);
        Assert.Contains("lint -", err, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StackVerbs))]
    public void CharacterDevice_IsRefused(string verb)
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var (exit, _, err) = SpecialFiles.RunWithin(StackArgs(verb, "/dev/zero"));

        Assert.Equal(2, exit);
        Assert.Contains("character device", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void LintOfADevice_IsRefused(string device)
    {
        if (!File.Exists(device))
        {
            return;
        }

        var (exit, _, err) = SpecialFiles.RunWithin("lint", device);

        Assert.Equal(2, exit);
        Assert.Contains("character device", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Socket_GivenByName_IsRefused()
    {
        var path = Path.Combine(SpecialFiles.TempDir(), "Pulumi.sock.yaml");
        using var socket = SpecialFiles.TryMakeSocket(path);
        if (socket is null)
        {
            return;
        }

        var (exit, _, err) = SpecialFiles.RunWithin("check", "--file", path);

        Assert.Equal(2, exit);
        Assert.Contains("a socket, not a regular file", err, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StackVerbs))]
    public void Directory_WhereAFileIsExpected_SaysSo(string verb)
    {
        var dir = SpecialFiles.TempDir();

        var (exit, _, err) = SpecialFiles.RunWithin(StackArgs(verb, dir));

        Assert.Equal(2, exit);
        Assert.Contains("is a directory, not a stack file", err, StringComparison.Ordinal);
        Assert.DoesNotContain("denied", err, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderWalk_SkipsFifosSocketsAndLoops_AndReadsEachRealFileOnce()
    {
        var dir = SpecialFiles.TempDir();
        var sub = Directory.CreateDirectory(Path.Combine(dir, "sub")).FullName;
        File.Copy(RepoPaths.File("tests", "golden", "prod.yaml"), Path.Combine(dir, "prod.yaml"));
        var hasFifo = SpecialFiles.TryMakeFifo(Path.Combine(dir, "pipe.yaml"));
        using var socket = SpecialFiles.TryMakeSocket(Path.Combine(dir, "socket.yaml"));
        File.CreateSymbolicLink(Path.Combine(sub, "up"), "..");
        File.CreateSymbolicLink(Path.Combine(dir, "same.yaml"), Path.Combine(dir, "prod.yaml"));
        File.CreateSymbolicLink(Path.Combine(dir, "loop1.yaml"), Path.Combine(dir, "loop2.yaml"));
        File.CreateSymbolicLink(Path.Combine(dir, "loop2.yaml"), Path.Combine(dir, "loop1.yaml"));

        var (exit, output, err) = SpecialFiles.RunWithin("lint", dir, "--format", "json");

        Assert.True(exit == 0, output + err);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var notes = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("code").GetString() == "EGR031")
            .Select(d => d.GetProperty("message").GetString()!)
            .ToList();
        Assert.Contains(notes, n => n.Contains("loop1.yaml: a symbolic link loop", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("up: a folder already walked", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("already read through another path", StringComparison.Ordinal));
        if (hasFifo)
        {
            Assert.Contains(notes, n => n.Contains("pipe.yaml: a named pipe (FIFO)", StringComparison.Ordinal));
        }

        if (socket is not null)
        {
            Assert.Contains(notes, n => n.Contains("socket.yaml: a socket", StringComparison.Ordinal));
        }

        // prod.yaml is read once: through its own name, not again through same.yaml or sub/up.
        var golden = RepoPaths.ReadText("tests", "golden", "prod.yaml");
        var expectedDocuments = golden.Split("\n---", StringSplitOptions.None).Length;
        Assert.Equal(expectedDocuments, json.RootElement.GetProperty("summary").GetProperty("documents").GetInt32());
    }
}
