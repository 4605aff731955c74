using System.Diagnostics;
using EgressInfra.Core.Probe;

namespace EgressInfra.Core.Tests.Probe;

/// <summary>
/// Runs the ambient probe's script under <c>/bin/sh</c> with a <c>curl</c> stand-in that answers from
/// a table and a pod-annotations file the test writes, so each test decides what ztunnel, the
/// waypoint and istio-cni did.
/// </summary>
public sealed class AmbientProbeScriptTests : IDisposable
{
    private const string Services = """
        - name: api
          hosts: [api.example.org]
          ports: [{ number: 443, protocol: TLS }]
          namespaces: [payments]
        - name: mirror
          hosts: [deb.example.org]
          ports: [{ number: 80, protocol: HTTP }]
          namespaces: [payments, orders]
        """;

    private const string Enrolled = "ambient.istio.io/redirection=\"enabled\"";

    /// <summary>orders through a working waypoint: its grant answers, payments' entry is refused, the NetworkPolicy drops the rest.</summary>
    private static readonly string[] Enforced =
    [
        "http://deb.example.org:80/ 200",
        "https://api.example.org:443/ 000",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("egress-probe-ambient-").FullName;

    private static ProbePlan Plan()
    {
        var text = StackText.WithServices(Services, namespaces: "[payments, orders]", extraEgress: "mode: ambient\n") + "  egress-infra:probe:\n    timeoutSeconds: 2\n";
        var evaluated = StackText.Evaluate(text);
        Assert.False(evaluated.HasErrors, string.Join("\n", evaluated.Diagnostics));
        return Assert.Single(ProbePlanner.Plan(evaluated.Manifests!, evaluated.Config!), p => p.Namespace == "orders");
    }

    [Fact]
    public void EnrolledAndEnforced_ExitsZero()
    {
        var (exit, output) = Run(Enforced, ["kubectl.kubernetes.io/default-container=\"probe\"", Enrolled]);

        Assert.True(exit == 0, output);
        Assert.Contains("ok    deny api.example.org:443/TLS, granted to other namespaces only: blocked", output, StringComparison.Ordinal);
        Assert.Contains("egress probe passed: 5 checks", output, StringComparison.Ordinal);
    }

    // istio-cni never enrolled the pod (no label on the namespace, a sidecar, an opt-out), or ztunnel
    // has not taken it ("pending"): everything would be the open network's answer. Nothing is judged.
    [Theory]
    [InlineData(null)]
    [InlineData("ambient.istio.io/redirection=\"pending\"")]
    [InlineData("sidecar.istio.io/status=\"{}\"")]
    [InlineData("x-ambient.istio.io/redirection=\"enabled\"")]
    public void NotEnrolled_FailsLoudlyAndTestsNothing(string? annotation)
    {
        var (exit, output) = Run(Enforced, annotation is null ? null : [annotation]);

        Assert.Equal(ProbeScript.NoProxyExitCode, exit);
        Assert.Contains("this pod is not enrolled in ambient", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ok    ", output, StringComparison.Ordinal);
    }

    // The waypoint refusing a granted namespace answers 403 itself: that is blocked, not reached.
    [Fact]
    public void WaypointRbacDenialOfAGrant_FailsTheProbe()
    {
        var answers = Enforced.Where(a => !a.StartsWith("http://deb.", StringComparison.Ordinal)).Append("http://deb.example.org:80/ 403 RBAC: access denied");

        var (exit, output) = Run(answers, [Enrolled]);

        Assert.Equal(1, exit);
        Assert.Contains("FAIL  allow deb.example.org:80/HTTP: blocked, expected reached", output, StringComparison.Ordinal);
    }

    // A 403 from the destination itself (its own auth) still proves the path.
    [Fact]
    public void DestinationsOwn403_IsReached()
    {
        var answers = Enforced.Where(a => !a.StartsWith("http://deb.", StringComparison.Ordinal)).Append("http://deb.example.org:80/ 403 Forbidden by origin");

        var (exit, output) = Run(answers, [Enrolled]);

        Assert.True(exit == 0, output);
    }

    [Theory]
    [InlineData("https://api.example.org:443/ 200", "FAIL  deny api.example.org:443/TLS, granted to other namespaces only: reached, expected blocked")]
    [InlineData("http://example.com:80/ 200", "FAIL  deny undeclared host example.com:80/HTTP: reached, expected blocked")]
    [InlineData("https://example.com:443/ 200", "FAIL  deny undeclared host example.com:443/TLS: reached, expected blocked")]
    [InlineData("http://deb.example.org:8443/ 200", "FAIL  deny undeclared port deb.example.org:8443/HTTP: reached, expected blocked")]
    public void WhatMustBeRefusedAndGetsThrough_FailsTheProbe(string leak, string expectedLine)
    {
        var answers = Enforced.Where(a => a.Split(' ')[0] != leak.Split(' ')[0]).Append(leak);

        var (exit, output) = Run(answers, [Enrolled]);

        Assert.Equal(1, exit);
        Assert.Contains(expectedLine, output, StringComparison.Ordinal);
    }

    // Enrolled but no mesh policy at all: every name answers. The probe must not pass.
    [Fact]
    public void OpenNetwork_DoesNotPass()
    {
        string[] open = ["http://deb.example.org:80/ 200", "https://api.example.org:443/ 200", "http://example.com:80/ 200", "https://example.com:443/ 200", "http://deb.example.org:8443/ 200"];

        var (exit, _) = Run(open, [Enrolled]);

        Assert.NotEqual(0, exit);
    }

    private (int Exit, string Output) Run(IEnumerable<string> answers, IEnumerable<string>? annotations)
    {
        Assert.True(File.Exists("/bin/sh"), "the probe script needs a POSIX shell");
        var bin = Directory.CreateDirectory(Path.Combine(_dir, "bin")).FullName;
        WriteExecutable(Path.Combine(bin, "curl"), CurlStub);
        WriteExecutable(Path.Combine(bin, "sleep"), "#!/bin/sh\nexit 0\n");
        var table = Path.Combine(_dir, "answers");
        File.WriteAllLines(table, answers);
        var podInfo = Directory.CreateDirectory(Path.Combine(_dir, "podinfo")).FullName;
        if (annotations is not null)
        {
            File.WriteAllLines(Path.Combine(podInfo, "annotations"), annotations);
        }

        // The downward-API file sits at /etc/podinfo in the pod; here, under the test's folder.
        var script = Path.Combine(_dir, "probe.sh");
        File.WriteAllText(script, Plan().Script.Replace(ProbeJobManifest.PodInfoDirectory + "/", podInfo + "/", StringComparison.Ordinal));

        var start = new ProcessStartInfo("/bin/sh", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["TMPDIR"] = _dir;
        start.Environment["PROBE_ANSWERS"] = table;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "the probe script did not finish");
        return (process.ExitCode, output);
    }

    /// <summary>Answers "URL CODE [BODY]" from the table, writing BODY to curl's -o file; 000 and a failure exit otherwise.</summary>
    private const string CurlStub = """
        #!/bin/sh
        url=""; out=""; prev=""
        for a in "$@"; do
          [ "$prev" = "-o" ] && out="$a"
          case "$a" in http://*|https://*) url="$a" ;; esac
          prev="$a"
        done
        line=$(awk -v k="$url" '$1 == k { print; exit }' "$PROBE_ANSWERS")
        code=$(printf '%s' "$line" | awk '{ print $2 }')
        [ -n "$code" ] || code=000
        body=$(printf '%s' "$line" | cut -d' ' -f3-)
        [ -n "$out" ] && [ "$out" != /dev/null ] && printf '%s' "$body" > "$out"
        case " $* " in *http_code*) printf '%s' "$code" ;; esac
        [ "$code" != 000 ]
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
