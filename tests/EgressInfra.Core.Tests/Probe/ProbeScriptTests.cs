using System.Diagnostics;
using EgressInfra.Core.Probe;

namespace EgressInfra.Core.Tests.Probe;

/// <summary>
/// Runs the generated script under <c>/bin/sh</c> with stand-ins for <c>curl</c>, <c>nc</c> and
/// <c>sleep</c> that answer from a table, so each test decides what the "mesh" lets through.
/// </summary>
public sealed class ProbeScriptTests : IDisposable
{
    private const string Services = """
        - name: mirror
          hosts: [deb.example.org]
          ports:
            - { number: 80, protocol: HTTP }
        - name: api
          hosts: [api.example.org]
          ports:
            - { number: 443, protocol: TLS }
        - name: git
          hosts: [git.example.org]
          ports:
            - { number: 22, protocol: TCP }
        """;

    /// <summary>What a correctly enforced policy looks like: declared destinations answer, the spoof is routed by Host.</summary>
    private static readonly string[] EnforcedPolicy =
    [
        ProxyReady,
        "http://deb.example.org:80/ 200",
        "https://api.example.org:443/ 200",
        "git.example.org:22 open",
        "deb.example.org|http://192.0.2.1:80/ 200",
        "api.example.org:443:192.0.2.1:443|https://api.example.org:443/ 200",
    ];

    /// <summary>The pilot-agent's readiness endpoint answers: a sidecar proxy runs in the pod.</summary>
    private const string ProxyReady = "http://127.0.0.1:15021/healthz/ready 200";

    private readonly string _dir = Directory.CreateTempSubdirectory("egress-probe-").FullName;

    private static ProbePlan Plan()
    {
        var evaluated = StackText.Evaluate(StackText.WithServices(Services, namespaces: "[payments]"));
        Assert.False(evaluated.HasErrors, string.Join("\n", evaluated.Diagnostics));
        return Assert.Single(ProbePlanner.Plan(evaluated.Manifests!, ProbeConfig.Defaults with { TimeoutSeconds = 2 }));
    }

    [Fact]
    public void Script_NamesEveryCheckAndStopsTheSidecar()
    {
        var plan = Plan();

        foreach (var check in plan.Checks)
        {
            Assert.Contains(ProbeScript.Quote(check.Description), plan.Script, StringComparison.Ordinal);
        }

        Assert.Contains("curl -fsS -X POST http://127.0.0.1:15020/quitquitquit", plan.Script, StringComparison.Ordinal);
        Assert.StartsWith("#!/bin/sh\n", plan.Script, StringComparison.Ordinal);
        Assert.Contains(plan.PolicyHash, plan.Script, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_KeepsEmbeddedQuotesInert()
    {
        Assert.Equal("'it'\\''s; rm -rf /'", ProbeScript.Quote("it's; rm -rf /"));
    }

    [Fact]
    public void EnforcedPolicy_ExitsZero()
    {
        var (exit, output) = Run(Plan(), EnforcedPolicy);

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
        Assert.Contains("egress probe passed", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com:443/ 200", "FAIL  deny undeclared host example.com:443/TLS: reached, expected blocked")]
    [InlineData("http://example.com:80/ 404", "FAIL  deny undeclared host example.com:80/HTTP: reached, expected blocked")]
    [InlineData("https://api.example.org:8443/ 200", "FAIL  deny undeclared port api.example.org:8443/TLS: reached, expected blocked")]
    public void UndeclaredDestinationThatAnswers_FailsTheProbe(string leak, string expectedLine)
    {
        var (exit, output) = Run(Plan(), [.. EnforcedPolicy, leak]);

        Assert.Equal(1, exit);
        Assert.Contains(expectedLine, output, StringComparison.Ordinal);
    }

    // A sidecar that forwards by the dialled address (resolution NONE on HTTP) never answers for the
    // spoofed address: the request hangs there instead of going to the declared host.
    [Fact]
    public void SpoofForwardedToTheDialledAddress_FailsTheProbe()
    {
        var (exit, output) = Run(Plan(), [.. EnforcedPolicy.Where(a => !a.Contains('|', StringComparison.Ordinal))]);

        Assert.Equal(1, exit);
        Assert.Contains("FAIL  deny spoofed Host header deb.example.org sent to 192.0.2.1:80/HTTP: reached, expected blocked", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://deb.example.org:80/", "allow deb.example.org:80/HTTP")]
    [InlineData("https://api.example.org:443/", "allow api.example.org:443/TLS")]
    [InlineData("git.example.org:22", "allow git.example.org:22/TCP")]
    public void AllowedDestinationThatIsBlocked_FailsTheProbe(string blocked, string check)
    {
        var (exit, output) = Run(Plan(), [.. EnforcedPolicy.Where(a => !a.StartsWith(blocked + " ", StringComparison.Ordinal))]);

        Assert.Equal(1, exit);
        Assert.Contains($"FAIL  {check}: blocked, expected reached", output, StringComparison.Ordinal);
    }

    // The sidecar's own answer for a host it has no route to is a 502; that is "blocked", not "reached".
    [Fact]
    public void SidecarBadGatewayForAnUndeclaredHost_CountsAsBlocked()
    {
        var (exit, output) = Run(Plan(), [.. EnforcedPolicy, "http://example.com:80/ 502"]);

        Assert.True(exit == 0, output);
    }

    [Fact]
    public void NoProxyInThePod_FailsLoudlyAndTestsNothing()
    {
        var (exit, output) = Run(Plan(), [.. EnforcedPolicy.Where(a => a != ProxyReady)]);

        Assert.Equal(ProbeScript.NoProxyExitCode, exit);
        Assert.Contains("no sidecar proxy in this pod", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ok    ", output, StringComparison.Ordinal);
    }

    // No mesh at all: everything answers and nothing routes by name. The probe must not pass.
    [Fact]
    public void NoMeshAtAll_DoesNotPass()
    {
        string[] openNetwork =
        [
            "http://deb.example.org:80/ 200", "https://api.example.org:443/ 200", "git.example.org:22 open",
            "http://example.com:80/ 200", "https://example.com:443/ 200", "https://api.example.org:8443/ 200",
        ];

        var (exit, _) = Run(Plan(), openNetwork);

        Assert.NotEqual(0, exit);
    }

    // The sidecar holds a connection open even when it passes nothing on: silence is not "reached".
    [Fact]
    public void TcpConnectionThatStaysOpenSilently_IsNotReached()
    {
        var answers = EnforcedPolicy.Where(a => a != "git.example.org:22 open").Append("git.example.org:22 silent");

        var (exit, output) = Run(Plan(), answers);

        Assert.Equal(1, exit);
        Assert.Contains("FAIL  allow git.example.org:22/TCP: blocked, expected reached", output, StringComparison.Ordinal);
    }

    // A server that waits for the client (PostgreSQL) says nothing; the proxy's counters show the upstream connection.
    [Fact]
    public void TcpServerThatWaits_IsReachedOnTheProxysUpstreamCounter()
    {
        var answers = EnforcedPolicy.Where(a => a != "git.example.org:22 open").Append("git.example.org:22 upstream");

        var (exit, output) = Run(Plan(), answers);

        Assert.True(exit == 0, output);
        Assert.Contains("ok    allow git.example.org:22/TCP: reached", output, StringComparison.Ordinal);
    }

    // A proxy that forwards a TLS connection to the dialled address whatever its SNI says.
    [Fact]
    public void SniSpoofForwardedToTheDialledAddress_FailsTheProbe()
    {
        var (exit, output) = Run(Plan(), [.. EnforcedPolicy.Where(a => !a.StartsWith("api.example.org:443:", StringComparison.Ordinal))]);

        Assert.Equal(1, exit);
        Assert.Contains("FAIL  deny spoofed SNI api.example.org:443/TLS sent to 192.0.2.1: reached, expected blocked", output, StringComparison.Ordinal);
    }

    private (int Exit, string Output) Run(ProbePlan plan, IEnumerable<string> answers)
    {
        Assert.True(File.Exists("/bin/sh"), "the probe script needs a POSIX shell");
        var bin = Directory.CreateDirectory(Path.Combine(_dir, "bin")).FullName;
        WriteExecutable(Path.Combine(bin, "curl"), CurlStub);
        WriteExecutable(Path.Combine(bin, "nc"), NcStub);
        WriteExecutable(Path.Combine(bin, "sleep"), "#!/bin/sh\nexit 0\n");
        var table = Path.Combine(_dir, "answers");
        File.WriteAllLines(table, answers);
        var script = Path.Combine(_dir, "probe.sh");
        File.WriteAllText(script, plan.Script);

        var start = new ProcessStartInfo("/bin/sh", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["TMPDIR"] = _dir;
        start.Environment["PROBE_ANSWERS"] = table;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "the probe script did not finish");
        return (process.ExitCode, output);
    }

    /// <summary>
    /// Answers with the HTTP code listed for "URL", "HostHeader|URL" or "ConnectTo|URL"; 000 and a
    /// failure exit otherwise. The proxy's stats list the upstream connections the nc stand-in counted.
    /// </summary>
    private const string CurlStub = """
        #!/bin/sh
        url=""; host=""; connect=""; prev=""
        for a in "$@"; do
          [ "$prev" = "-H" ] && host="${a#Host: }"
          [ "$prev" = "--connect-to" ] && connect="$a"
          case "$a" in http://*|https://*) url="$a" ;; esac
          prev="$a"
        done
        case "$url" in *quitquitquit) exit 0 ;; esac
        case "$url" in
          *127.0.0.1:15000/stats*)
            for f in "$TMPDIR"/cx.*; do
              [ -f "$f" ] || continue
              name=${f##*/cx.}
              echo "cluster.outbound|${name##*:}||${name%:*}.upstream_cx_total: $(cat "$f")"
            done
            exit 0 ;;
        esac
        key="$url"
        [ -n "$host" ] && key="$host|$url"
        [ -n "$connect" ] && key="$connect|$url"
        code=$(awk -v k="$key" '$1 == k { print $2 }' "$PROBE_ANSWERS")
        [ -n "$code" ] || code=000
        case " $* " in *http_code*) printf '%s' "$code" ;; esac
        [ "$code" != 000 ]
        """;

    /// <summary>
    /// An "open" TCP destination speaks first; an "upstream" one stays silent but the proxy counts an
    /// upstream connection; a "silent" one is held open by the sidecar with nothing behind it; any
    /// other closes at once, as a sidecar's black hole does.
    /// </summary>
    private const string NcStub = """
        #!/bin/sh
        if grep -qx "$1:$2 open" "$PROBE_ANSWERS"; then echo "SSH-2.0-stub"; exit 0; fi
        if grep -qx "$1:$2 upstream" "$PROBE_ANSWERS"; then
          f="$TMPDIR/cx.$1:$2"; n=$(cat "$f" 2>/dev/null || echo 0); echo $((n + 1)) > "$f"; exit 0
        fi
        if grep -qx "$1:$2 silent" "$PROBE_ANSWERS"; then exit 0; fi
        exit 1
        """;

    private static void WriteExecutable(string path, string text)
    {
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
