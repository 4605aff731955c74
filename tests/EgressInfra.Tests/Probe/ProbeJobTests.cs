using System.Collections.Immutable;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Probe;
using EgressInfra.Probe;
using Pulumi;
using Pulumi.Random;

namespace EgressInfra.Tests.Probe;

public class ProbeJobTests
{
    private const string JobType = "kubernetes:batch/v1:Job";

    private static string ProdWithProbe(string probeYaml = "enabled: true", Func<string, string>? edit = null)
    {
        var text = (edit ?? (t => t))(PulumiConfig.ShippedStackText("prod"));
        return text + "\n  egress-infra:probe:\n" + string.Join('\n', probeYaml.Split('\n').Select(l => "    " + l)) + "\n";
    }

    private static Task<ProgramRun> RunAsync(string stackText) => ProgramRun.RunAsync(PulumiConfig.FromStackText(stackText));

    private static Dictionary<string, string> KeepersByNamespace(ProgramRun run) =>
        run.OfType(Mocks.RandomIdType).ToDictionary(
            r => r.Name![..r.Name!.IndexOf("-probe-id", StringComparison.Ordinal)],
            r => r.Value("keepers").Canonical());

    [Fact]
    public async Task ProbeDisabled_RegistersNoRandomIdAndNoJob()
    {
        var run = await ProgramRun.ShippedStackAsync("prod");

        Assert.Empty(run.OfType(Mocks.RandomIdType));
        Assert.Empty(run.OfType(JobType));
        Assert.False(run.Outputs.ContainsKey("probeJobs"));
    }

    [Fact]
    public async Task ProbeWithEnabledFalse_RegistersNoRandomIdAndNoJob()
    {
        var run = await RunAsync(ProdWithProbe("enabled: false"));

        Assert.Empty(run.OfType(Mocks.RandomIdType));
        Assert.Empty(run.OfType(JobType));
    }

    [Fact]
    public async Task ProbeEnabled_RunsTheCoresScriptInOneSidecarInjectedJobPerNamespace()
    {
        var stack = ProdWithProbe("image: registry.internal/curl:8\ntimeoutSeconds: 4\nttlSecondsAfterFinished: 3600");
        var run = await RunAsync(stack);
        var plan = EgressPipeline.Evaluate(PulumiConfig.Keys(stack));
        var probes = ProbePlanner.Plan(plan.Manifests!, plan.Config!.Probe);
        var allowed = ManifestBuilder.AllowedDestinations(plan.Manifests!);

        var jobs = run.OfType(JobType).ToList();
        Assert.Equal(["orders-probe", "payments-probe"], jobs.Select(j => j.Name).Order(StringComparer.Ordinal));
        foreach (var probe in probes)
        {
            var job = Assert.Single(jobs, j => j.Name == $"{probe.Namespace}-probe");
            var suffix = Assert.Single(run.OfType(Mocks.RandomIdType), r => r.Name == $"{probe.Namespace}-probe-id");
            Assert.Equal(4.0, suffix.Value("byteLength"));
            Assert.Equal($"egress-probe-{await HexOfAsync(run, probe.Namespace)}", job.Value("metadata", "name"));
            Assert.Equal(probe.Namespace, job.Value("metadata", "namespace"));
            Assert.Equal(probe.PolicyHash, job.Value("metadata", "annotations", ProbeJobArgsMapper.PolicyHashAnnotation));

            Assert.Equal(0.0, job.Value("spec", "backoffLimit"));
            Assert.Equal(3600.0, job.Value("spec", "ttlSecondsAfterFinished"));
            Assert.Equal((double)probe.DeadlineSeconds, job.Value("spec", "activeDeadlineSeconds"));
            // The probe gets what the namespace's workloads get: no forced injection.
            Assert.Null(job.Value("spec", "template", "metadata", "labels", ProbeJobArgsMapper.InjectLabel));
            Assert.Contains("\"holdApplicationUntilProxyStarts\": true", (string)job.Value("spec", "template", "metadata", "annotations", ProbeJobArgsMapper.ProxyConfigAnnotation)!, StringComparison.Ordinal);
            Assert.Equal("Never", job.Value("spec", "template", "spec", "restartPolicy"));

            var container = (IDictionary<string, object>)Assert.Single((IEnumerable<object>)job.Value("spec", "template", "spec", "containers")!);
            Assert.Equal("registry.internal/curl:8", container["image"]);
            var command = ((IEnumerable<object>)container["command"]).Cast<string>().ToList();
            Assert.Equal(["/bin/sh", "-c", probe.Script], command);
            var script = command[2];
            Assert.All(allowed[probe.Namespace], d => Assert.Contains($"'allow {d}", script, StringComparison.Ordinal));
            Assert.Contains("'deny undeclared host example.com:443/TLS'", script, StringComparison.Ordinal);
            Assert.Contains("'deny undeclared host example.com:80/HTTP'", script, StringComparison.Ordinal);
            Assert.Contains("'deny undeclared port ", script, StringComparison.Ordinal);
            Assert.Contains("T=4\n", script, StringComparison.Ordinal);
            Assert.Contains(ProbeScript.QuitSidecarUrl, script, StringComparison.Ordinal);
        }
    }

    // A failed probe must not block every later pulumi up: the provider replaces an unready Job on the
    // next update instead of awaiting it again, and awaits it only as long as its deadline allows.
    [Fact]
    public async Task ProbeJob_IsReplacedWhenUnready_AndAwaitedForItsDeadlinePlusAMargin()
    {
        var stack = ProdWithProbe();
        var run = await RunAsync(stack);
        var plan = EgressPipeline.Evaluate(PulumiConfig.Keys(stack));
        var probes = ProbePlanner.Plan(plan.Manifests!, plan.Config!.Probe);

        foreach (var probe in probes)
        {
            var job = Assert.Single(run.OfType(JobType), j => j.Name == $"{probe.Namespace}-probe");
            Assert.Equal("true", job.Value("metadata", "annotations", ProbeJobArgsMapper.ReplaceUnreadyAnnotation));
            var seconds = int.Parse((string)job.Value("metadata", "annotations", ProbeJobArgsMapper.TimeoutSecondsAnnotation)!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(probe.DeadlineSeconds + ProbeJobArgsMapper.AwaitMarginSeconds, seconds);
            Assert.True(seconds > probe.DeadlineSeconds);
            Assert.True(seconds < 15 * 60, "the provider's default Job await (10 minutes) should not be exceeded by far");
        }
    }

    // egressctl render prints the Job for review; what Pulumi registers must be that Job, field for
    // field (only the name differs: Pulumi's carries a random suffix kept by the policy hash).
    [Fact]
    public async Task RegisteredJob_IsTheRenderedJob()
    {
        var stack = ProdWithProbe();
        var run = await RunAsync(stack);
        var plan = EgressPipeline.Evaluate(PulumiConfig.Keys(stack));

        foreach (var probe in ProbePlanner.Plan(plan.Manifests!, plan.Config!.Probe))
        {
            var job = Assert.Single(run.OfType(JobType), j => j.Name == $"{probe.Namespace}-probe");
            var registered = job.Inputs.Canonical().Replace((string)job.Value("metadata", "name")!, "NAME", StringComparison.Ordinal);
            var rendered = ProbeJobManifest.ToTree(probe).Canonical().Replace(ProbeJobManifest.RenderedName(probe), "NAME", StringComparison.Ordinal);
            Assert.Equal(rendered, registered);
        }
    }

    [Fact]
    public async Task HttpEntries_GetASpoofedHostHeaderCheck()
    {
        var run = await ProgramRun.ShippedStackAsync("dev");

        var job = Assert.Single(run.OfType(JobType));
        var script = ((IEnumerable<object>)((IDictionary<string, object>)((IEnumerable<object>)job.Value("spec", "template", "spec", "containers")!).Single())["command"]).Cast<string>().Last();
        Assert.Contains("spoof_forwarded 'archive.ubuntu.com' 'http://192.0.2.1:80/'", script, StringComparison.Ordinal);
    }

    // A Job cannot be changed, so the probe re-runs only through a new name: the RandomId's keepers
    // must change exactly when the namespace's policy does.
    [Fact]
    public async Task ProbeKeepers_ChangeExactlyWhenTheNamespacesPolicyChanges()
    {
        var baseline = KeepersByNamespace(await RunAsync(ProdWithProbe()));
        var again = KeepersByNamespace(await RunAsync(ProdWithProbe()));
        var ordersPortChanged = KeepersByNamespace(await RunAsync(ProdWithProbe(edit: t => t.Replace("number: 5432", "number: 5433", StringComparison.Ordinal))));
        var onlyReasonChanged = KeepersByNamespace(await RunAsync(ProdWithProbe(edit: t => t.Replace("Order confirmation e-mails.", "Receipts.", StringComparison.Ordinal))));

        Assert.Equal(["orders", "payments"], baseline.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(baseline, again);
        Assert.NotEqual(baseline["orders"], ordersPortChanged["orders"]);
        Assert.Equal(baseline["payments"], ordersPortChanged["payments"]);
        Assert.Equal(baseline, onlyReasonChanged);
    }

    [Fact]
    public async Task ChangedPolicy_GivesTheNamespacesJobANewName()
    {
        var before = await RunAsync(ProdWithProbe());
        var after = await RunAsync(ProdWithProbe(edit: t => t.Replace("number: 5432", "number: 5433", StringComparison.Ordinal)));

        string JobName(ProgramRun run, string ns) => (string)run.OfType(JobType).Single(j => j.Name == $"{ns}-probe").Value("metadata", "name")!;
        Assert.NotEqual(JobName(before, "orders"), JobName(after, "orders"));
        Assert.Equal(JobName(before, "payments"), JobName(after, "payments"));
    }

    [Fact]
    public async Task StackExportsEachNamespacesProbeJobAndResult()
    {
        var run = await RunAsync(ProdWithProbe());

        var jobs = await Assert.IsType<Output<ImmutableSortedDictionary<string, string>>>(run.Outputs["probeJobs"]).ValueAsync();
        var results = await Assert.IsType<Output<ImmutableSortedDictionary<string, string>>>(run.Outputs["probeResults"]).ValueAsync();
        Assert.Equal(["orders", "payments"], jobs.Keys);
        foreach (var (ns, name) in jobs)
        {
            Assert.Equal($"egress-probe-{await HexOfAsync(run, ns)}", name);
        }

        Assert.All(results.Values, r => Assert.Equal("not run", r));
    }

    private static Task<string> HexOfAsync(ProgramRun run, string ns) =>
        run.Resources.OfType<RandomId>().Single(r => r.GetResourceName() == $"{ns}-probe-id").Hex.ValueAsync();
}
