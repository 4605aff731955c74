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
        "http://deb.example.org:80/ 200",
        "https://api.example.org:443/ 200",
        "git.example.org:22 open",
        "deb.example.org|http://192.0.2.1:80/ 200",
    ];

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

    /// <summary>Answers with the HTTP code listed for "URL" or "HostHeader|URL"; 000 and a failure exit otherwise.</summary>
    private const string CurlStub = """
        #!/bin/sh
        url=""; host=""; prev=""
        for a in "$@"; do
          [ "$prev" = "-H" ] && host="${a#Host: }"
          case "$a" in http://*|https://*) url="$a" ;; esac
          prev="$a"
        done
        case "$url" in *quitquitquit) exit 0 ;; esac
        key="$url"
        [ -n "$host" ] && key="$host|$url"
        code=$(awk -v k="$key" '$1 == k { print $2 }' "$PROBE_ANSWERS")
        [ -n "$code" ] || code=000
        case " $* " in *http_code*) printf '%s' "$code" ;; esac
        [ "$code" != 000 ]
        """;

    /// <summary>An "open" TCP destination speaks first; any other closes at once, as a sidecar's black hole does.</summary>
    private const string NcStub = """
        #!/bin/sh
        if grep -qx "$1:$2 open" "$PROBE_ANSWERS"; then echo "SSH-2.0-stub"; exit 0; fi
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
