using EgressInfra.Configuration;
using EgressInfra.Delivery;
using EgressInfra.Diagnostics;
using EgressInfra.Outputs;
using EgressInfra.Resources;
using EgressInfra.Resources.Istio;
using EgressInfra.Core.Config;
using EgressInfra.Core.Delivery;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Probe;
using Pulumi;
using Pulumi.Utilities;

namespace EgressInfra;

/// <summary>
/// The Pulumi door onto the Core: config in, the Core's plan out, and resources only from a plan
/// without errors whose target cluster holds what it assumes. Nothing here decides policy; it reads,
/// reports and maps.
/// </summary>
internal static class EgressProgram
{
    /// <summary>The program as Pulumi runs it, from the project directory above the working directory.</summary>
    public static Task<IDictionary<string, object?>> RunAsync() =>
        RunAsync(ProjectDirectory.Find(Environment.CurrentDirectory), new KubernetesSidecarInventory());

    /// <param name="projectDirectory">Where <c>Pulumi.&lt;stack&gt;.yaml</c> lives, for file and line in
    /// diagnostics; null when unknown (diagnostics then carry config paths only).</param>
    /// <param name="sidecars">Lists the Sidecars already in the cluster, for the preflight.</param>
    public static async Task<IDictionary<string, object?>> RunAsync(string? projectDirectory, ISidecarInventory sidecars)
    {
        var deployment = Deployment.Instance;
        var stackFile = ProjectDirectory.ReadStackConfig(projectDirectory, deployment.ProjectName, deployment.StackName);
        var pulumiConfig = new Config();
        var projectConfig = PulumiConfigReader.Read(pulumiConfig, stackFile);

        var files = projectDirectory is null ? null : ProjectFragments.Open(projectDirectory);
        // The stack's name holds the config to the environment it names (EGR017, the prod floor), as
        // egressctl does from the file name; Pulumi itself does not relate the two.
        var options = EvaluationOptions.Default with { StackName = deployment.StackName };
        var plan = EgressPipeline.Evaluate(projectConfig, stackFile, files, options);
        DiagnosticReport.ThrowIfErrors(plan);
        var config = plan.Config!;
        var manifests = plan.Manifests!;

        // What check only warns about stops a deployment: prod never follows the ambient kubeconfig.
        var target = DeliveryTarget.Check(config, deploying: true).ToList();
        if (target.Count > 0)
        {
            throw new RunException(DiagnosticReport.FailureMessage(target));
        }

        DiagnosticReport.LogWarnings(plan);
        var kubeconfig = PulumiConfigReader.Kubeconfig(pulumiConfig);
        var provider = ClusterProvider.Create(config.Kubernetes, kubeconfig);
        var objects = manifests.Objects.ToList();
        if (DeliveryTarget.IsSet(config.Kubernetes.RenderYamlToDirectory))
        {
            Log.Info(DeliveryCodes.PreflightSkipped.Create("renderYamlToDirectory", DeliveryCodes.PreflightSkipped.Title).ToString());
        }
        else
        {
            var access = new ClusterAccess(config.Kubernetes.Context, kubeconfig is null ? null : await OutputUtilities.GetValueAsync(kubeconfig).ConfigureAwait(false));
            var preflight = await ClusterPreflight.RunAsync(objects, provider, sidecars, access).ConfigureAwait(false);
            if (preflight.Any(d => d.IsError))
            {
                throw new RunException(DiagnosticReport.FailureMessage(preflight, "the target cluster is not ready for this stack"));
            }

            foreach (var warning in preflight.Where(d => !d.IsError))
            {
                Log.Warn(warning.ToString());
            }
        }

        var failClosed = config.Environment == DeploymentEnvironment.Prod;
        var probes = ProbePlanner.Plan(manifests, config);
        var policies = NamespacePolicy.Group(manifests, probes);
        var inputs = new PlainTree();

        // An ambient probe tests entries that live in the egress namespace, not its own: its Job
        // waits for the other namespaces' objects too. The stable sort keeps every other stack's order.
        var built = new Dictionary<string, NamespaceEgress>(StringComparer.Ordinal);
        foreach (var policy in policies.OrderBy(p => p.Probe is { Ambient: true } ? 1 : 0))
        {
            IReadOnlyList<Resource>? elsewhere = policy.Probe is { Ambient: true }
                ? [.. built.Values.SelectMany(n => n.Objects.Select(o => o.Resource))]
                : null;
            built[policy.Namespace] = new NamespaceEgress(policy, provider, failClosed, inputs, probeAlsoAwaits: elsewhere);
        }

        var namespaces = policies.Select(p => built[p.Namespace]).ToList();

        return StackOutputs.Create(plan, namespaces);
    }
}
