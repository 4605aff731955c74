using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Commands;

/// <summary><c>egressctl learn</c> end to end: the proposed fragment, its findings (EGR630-632), the byte budget, and bad input.</summary>
public sealed class LearnCommandTests
{
    // Istio's default TEXT format (EnvoyTextLogFormat) and its JSON format, as in the Core's LearnTests.
    private const string StripeTls = """[2026-11-20T10:00:00.000Z] "- - -" 0 - - - "-" 1024 4096 120 - "-" "-" "-" "-" "54.187.174.169:443" PassthroughCluster 10.1.0.5:40312 54.187.174.169:443 10.1.0.5:40310 api.stripe.com -""";
    private const string PypiHttp = """[2026-11-20T10:06:00.000Z] "GET /simple/requests/ HTTP/1.1" 200 - via_upstream - "-" 0 1234 50 49 "-" "pip/24.0" "7f4c" "pypi.org" "151.101.0.223:80" PassthroughCluster 10.1.0.5:40000 151.101.0.223:80 10.1.0.5:39999 - allow_any""";
    private const string SniLessTls = """[2026-11-20T10:08:00.000Z] "- - -" 0 - - - "-" 517 3120 35 - "-" "-" "-" "-" "203.0.113.7:8443" PassthroughCluster 10.1.0.5:41000 203.0.113.7:8443 10.1.0.5:40999 - -""";
    private const string JsonSendgrid = """{"start_time":"2026-11-21T09:00:00.000Z","upstream_cluster":"BlackHoleCluster","authority":null,"requested_server_name":"api.sendgrid.com","downstream_local_address":"149.72.1.1:443","protocol":null,"response_code":0,"route_name":null}""";

    private static string Log(params string[] lines) => CliRunner.TempFile(string.Join('\n', lines) + "\n", "proxy.log");

    [Fact]
    public void ALog_ProposesAFragment_Exit0_WithFindingsAtTheLineFirstSeen()
    {
        var log = Log(StripeTls, "not a log line", PypiHttp, SniLessTls, JsonSendgrid);

        var (exit, output, err) = CliRunner.Run("learn", "--namespace", "payments", "--owner", "team-payments", log);

        Assert.True(exit == 0, err);
        Assert.Contains("owner: team-payments", output, StringComparison.Ordinal);
        Assert.Contains("# payments -> api.stripe.com:443/TLS: seen once", output, StringComparison.Ordinal);
        Assert.Contains("api.sendgrid.com", output, StringComparison.Ordinal);
        Assert.Contains($"{log}:2:1: warning EGR630", err, StringComparison.Ordinal);
        Assert.Contains($"{log}:3:1: warning EGR631", err, StringComparison.Ordinal);
        Assert.Contains("pypi.org:80, which the restrictive profile would refuse", err, StringComparison.Ordinal);
        Assert.Contains($"{log}:4:1: warning EGR632", err, StringComparison.Ordinal);
        Assert.Contains("203.0.113.7:8443 with no host name", err, StringComparison.Ordinal);
        Assert.DoesNotContain("EGR631: payments reached api.stripe.com", err, StringComparison.Ordinal);
        Assert.Contains("5 lines, 4 to unknown destinations", err, StringComparison.Ordinal);
    }

    [Fact]
    public void ADirectoryLayout_NamesTheNamespacePerFolder()
    {
        var dir = AdoptionVerbInputs.Dir();
        Directory.CreateDirectory(Path.Combine(dir, "orders"));
        File.WriteAllText(Path.Combine(dir, "orders", "istio-proxy.log"), StripeTls + "\n");

        var (exit, output, err) = CliRunner.Run("learn", dir);

        Assert.True(exit == 0, err);
        Assert.Contains("# orders -> api.stripe.com:443/TLS", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Against_TheShippedDevStack_PrintsWhatWouldBeAdded()
    {
        var (exit, output, err) = CliRunner.Run("learn", "--namespace", "sandbox", Log(StripeTls), "--against", "dev", "--project-dir", RepoPaths.Root);

        Assert.True(exit == 0, err);
        Assert.Contains("api.stripe.com", output, StringComparison.Ordinal);
        Assert.StartsWith("egress diff ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Stdin_IsReadLine_ByLine()
    {
        var (exit, output, err) = CliRunner.RunWithInput(StripeTls + "\n", "learn", "-n", "payments", "-");

        Assert.True(exit == 0, err);
        Assert.Contains("api.stripe.com", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFile_Exit2()
    {
        var (exit, _, err) = CliRunner.Run("learn", "-n", "payments", AdoptionVerbInputs.Missing("proxy.log"));

        Assert.Equal(2, exit);
        Assert.Contains("no such file", err, StringComparison.Ordinal);
    }

    [Fact]
    public void AFifo_Exit2_WithoutBlocking()
    {
        if (AdoptionVerbInputs.Fifo("proxy.log") is not { } fifo)
        {
            return;
        }

        var (exit, _, err) = AdoptionVerbInputs.Run("learn", "-n", "payments", fifo);

        Assert.Equal(2, exit);
        Assert.Contains("named pipe (FIFO), not a regular file", err, StringComparison.Ordinal);
    }

    [Fact]
    public void AFifoInALogFolder_IsSkippedWithANote()
    {
        var dir = AdoptionVerbInputs.Dir();
        Directory.CreateDirectory(Path.Combine(dir, "orders"));
        File.WriteAllText(Path.Combine(dir, "orders", "a.log"), StripeTls + "\n");
        if (!Input.SpecialFiles.TryMakeFifo(Path.Combine(dir, "orders", "b.log")))
        {
            return;
        }

        var (exit, output, err) = AdoptionVerbInputs.Run("learn", dir);

        Assert.Equal(0, exit);
        Assert.Contains("EGR031", err, StringComparison.Ordinal);
        Assert.Contains("api.stripe.com", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("text")]
    public void Garbage_Exit2WithAMessage(string kind)
    {
        var file = kind == "binary" ? AdoptionVerbInputs.Binary("proxy.log") : Log("hello", "world");

        var (exit, output, err) = CliRunner.Run("learn", "-n", "payments", file);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("is an access-log line", err, StringComparison.Ordinal);
    }

    [Fact]
    public void ALogOverTheBudget_Exit2()
    {
        var log = Log([.. Enumerable.Repeat(StripeTls, 100)]);

        var (exit, output, err) = CliRunner.Run("learn", "-n", "payments", log, "--max-input-size", "8KiB");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("larger than the limit of 8 KiB", err, StringComparison.Ordinal);
    }

    [Fact]
    public void StdinOverTheBudget_Exit2()
    {
        var (exit, _, err) = CliRunner.RunWithInput(string.Join('\n', Enumerable.Repeat(StripeTls, 100)), "learn", "-n", "payments", "-", "--max-input-size", "8KiB");

        Assert.Equal(2, exit);
        Assert.Contains("<stdin>: input is larger than the limit of 8 KiB", err, StringComparison.Ordinal);
    }
}
