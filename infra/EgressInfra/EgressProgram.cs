using EgressInfra.Configuration;
using EgressInfra.Diagnostics;
using EgressInfra.Outputs;
using EgressInfra.Resources;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Probe;
using Pulumi;

namespace EgressInfra;

/// <summary>
/// The Pulumi door onto the Core: config in, the Core's plan out, and resources only from a plan
/// without errors. Nothing here decides policy; it reads, reports and maps.
/// </summary>
internal static class EgressProgram
{
    /// <summary>The program as Pulumi runs it, from the project directory above the working directory.</summary>
    public static Task<IDictionary<string, object?>> RunAsync() =>
        RunAsync(ProjectDirectory.Find(Environment.CurrentDirectory));

    /// <param name="projectDirectory">Where <c>Pulumi.&lt;stack&gt;.yaml</c> lives, for file and line in
    /// diagnostics; null when unknown (diagnostics then carry config paths only).</param>
    public static Task<IDictionary<string, object?>> RunAsync(string? projectDirectory)
    {
        var deployment = Deployment.Instance;
        var stackFile = ProjectDirectory.ReadStackConfig(projectDirectory, deployment.ProjectName, deployment.StackName);
        var projectConfig = PulumiConfigReader.Read(new Config(), stackFile);

        var plan = EgressPipeline.Evaluate(projectConfig, stackFile);
        DiagnosticReport.ThrowIfErrors(plan);
        DiagnosticReport.LogWarnings(plan);
        var config = plan.Config!;
        var manifests = plan.Manifests!;

        var provider = ClusterProvider.Create(config.Kubernetes);
        var probes = ProbePlanner.Plan(manifests, config.Probe);
        var gatewaySide = GatewayEgress.Group(manifests, config.Egress.Namespaces)
            .Select(g => new GatewayEgress(g.Namespace, g.Objects, provider))
            .ToList();
        var gatewayResources = gatewaySide.SelectMany(g => g.Resources).Cast<Resource>().ToList();
        var namespaces = NamespacePolicy.Group(manifests, probes, plan.Postures, config.Egress.Namespaces)
            .Select(policy => new NamespaceEgress(policy, provider, gatewaySide: gatewayResources))
            .ToList();

        return Task.FromResult(StackOutputs.Create(plan, namespaces));
    }
}
