using EgressInfra.Core.Collections;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation;

namespace EgressInfra.Core.Config.Binding;

/// <summary>The outcome of binding: a model when the shape was usable, and every problem found on the way.</summary>
public sealed record BindResult(StackConfig? Config, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Binds the project's config keys (already stripped of the <c>egress-infra:</c> namespace) to the
/// typed <see cref="StackConfig"/>. Checks the shape the model needs (types, required values, ranges,
/// known names, duplicates); Istio's own rules run later on the manifests built from the model.
/// </summary>
public static partial class StackConfigBinder
{
    public static readonly IReadOnlyList<string> RootKeys =
        ["environment", "profile", "policy", "egress", "kubeconfig", "context", "renderYamlToDirectory", "probe"];

    public static readonly IReadOnlyList<string> EgressKeys =
        ["outboundTrafficPolicy", "namespaces", "services", "presets", "sidecarImports"];

    public static readonly IReadOnlyList<string> DefaultSidecarImports = ["istio-system/*"];

    public static BindResult Bind(MappingNode projectConfig)
    {
        var reader = new NodeReader();
        reader.KnownKeys(projectConfig, string.Empty, RootKeys);

        var environment = reader.Enum(projectConfig["environment"], "environment", IstioNames.Environments, required: true);
        // Empty means "the environment's default": Pulumi.yaml declares profile with default "".
        var profileText = reader.String(projectConfig["profile"], "profile") is { } p && p.Trim().Length > 0 ? p.Trim() : null;
        var policy = BindPolicy(reader, projectConfig["policy"]);
        var egress = BindEgress(reader, projectConfig["egress"]);
        var kubernetes = new KubernetesTarget(
            reader.String(projectConfig["kubeconfig"], "kubeconfig"),
            reader.String(projectConfig["context"], "context"),
            reader.String(projectConfig["renderYamlToDirectory"], "renderYamlToDirectory"));
        var probe = BindProbe(reader, projectConfig["probe"], egress);

        if (reader.HasErrors || environment is null || egress is null)
        {
            return new BindResult(null, reader.Diagnostics);
        }

        var profile = profileText ?? DefaultProfile(environment.Value);
        return new BindResult(new StackConfig(environment.Value, profile, egress, kubernetes) { Policy = policy, Probe = probe }, reader.Diagnostics);
    }

    /// <summary>Production and staging are restrictive unless a stack says otherwise; dev is permissive.</summary>
    public static string DefaultProfile(DeploymentEnvironment environment) =>
        environment == DeploymentEnvironment.Dev ? "permissive" : "restrictive";

    private static EgressConfig? BindEgress(NodeReader reader, ConfigNode? node)
    {
        const string path = "egress";
        var map = reader.Mapping(node, path, required: true);
        if (map is null)
        {
            return null;
        }

        reader.KnownKeys(map, path, EgressKeys);
        var policy = reader.Enum(map["outboundTrafficPolicy"], "egress.outboundTrafficPolicy", IstioNames.OutboundPolicies)
            ?? OutboundTrafficPolicy.RegistryOnly;

        var namespaces = new List<string>();
        foreach (var (value, itemPath, item) in reader.Strings(map["namespaces"], "egress.namespaces", required: true))
        {
            if (!KubernetesNames.IsDns1123Label(value))
            {
                reader.Report(ConfigCodes.InvalidName.Create(itemPath, $"'{value}' is not a valid namespace name"));
            }
            else if (namespaces.Contains(value, StringComparer.Ordinal))
            {
                reader.Report(ConfigCodes.DuplicateName.Create(itemPath, $"the namespace '{value}' is listed twice"));
            }
            else
            {
                namespaces.Add(value);
            }
        }

        var imports = map["sidecarImports"] is null
            ? [.. DefaultSidecarImports]
            : reader.Strings(map["sidecarImports"], "egress.sidecarImports").Select(s => s.Value).ToList();
        if (map["sidecarImports"] is { } importList)
        {
            CheckSidecarImports(reader, importList);
        }

        var services = new List<ExternalService>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (item, itemPath) in reader.List(map["services"], "egress.services"))
        {
            var service = BindService(reader, item, itemPath, namespaces);
            if (service is null)
            {
                continue;
            }

            if (names.TryGetValue(service.Name, out var firstPath))
            {
                reader.Report(
                    ConfigCodes.DuplicateName.Create($"{itemPath}.name", $"the service name '{service.Name}' is already used by {firstPath}", "Give each service its own name, or merge the two into one service with several hosts or ports."));
                continue;
            }

            names.Add(service.Name, itemPath);
            services.Add(service);
        }

        var presets = BindPresets(reader, map["presets"], namespaces, services, names);
        return new EgressConfig(policy, namespaces.ToValueList(), services.ToValueList(), imports.ToValueList()) { Presets = presets };
    }

    /// <summary>The schema's pattern for an import (namespace/host), enforced here too so that editor and check agree.</summary>
    private static void CheckSidecarImports(NodeReader reader, ConfigNode importList)
    {
        foreach (var (value, path, _) in new NodeReader().Strings(importList, "egress.sidecarImports"))
        {
            var slash = value.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || slash == value.Length - 1 || value.IndexOf('/', slash + 1) >= 0)
            {
                reader.Report(ConfigCodes.InvalidValue.Create(path, $"'{value}' is not a namespace/host import", "Write NAMESPACE/HOST, e.g. istio-system/* or ./api.example.com."));
            }
        }
    }
}
