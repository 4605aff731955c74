using System.Globalization;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Validation.Istio;

/// <summary>
/// The ServiceEntry CRD schema (networking.istio.io/v1, as served by the API server before the webhook
/// runs), limited to what the webhook does not already reject: size limits, <c>targetPort: 0</c>, and
/// endpoint port names of 63 characters.
/// </summary>
internal static class CrdSchemaRules
{
    public static void Check(EntryContext context)
    {
        if (!context.Options.CheckCrdSchema)
        {
            return;
        }

        var spec = context.Spec;
        MaxItems(context, SpecPaths.Hosts, spec.Hosts.Count, 256, "hosts");
        MaxItems(context, SpecPaths.Addresses, spec.Addresses.Count, 256, "addresses");
        for (var i = 0; i < spec.Addresses.Count; i++)
        {
            MaxLength(context, SpecPaths.Address(i), spec.Addresses[i], 64, "an address");
        }

        MaxItems(context, SpecPaths.Ports, spec.Ports.Count, 256, "ports");
        for (var i = 0; i < spec.Ports.Count; i++)
        {
            var port = spec.Ports[i];
            MaxLength(context, SpecPaths.Port(i, "name"), port.Name, 256, "a port name");
            MaxLength(context, SpecPaths.Port(i, "protocol"), port.Protocol, 256, "a protocol");

            // CRD: targetPort, when present, must satisfy 0 < self <= 65535; the webhook alone would read 0 as unset.
            if (port.TargetPort == 0)
            {
                context.Report(
                    IstioCodes.SchemaTargetPortZero,
                    SpecPaths.Port(i, "targetPort"),
                    $"targetPort of port {port.Number} is 0; the API server rejects it before Istio could read it as unset",
                    "remove targetPort to use the port number, or set it to a port between 1 and 65535");
            }
        }

        MaxItems(context, SpecPaths.Endpoints, spec.Endpoints.Count, 4096, "endpoints");
        for (var i = 0; i < spec.Endpoints.Count; i++)
        {
            CheckEndpoint(context, spec.Endpoints[i], i);
        }

        if (spec.WorkloadSelector is { } selector)
        {
            MaxItems(context, SpecPaths.SelectorLabels, selector.Labels.Count, 256, "workloadSelector labels");
            foreach (var (key, value) in selector.Labels)
            {
                MaxLength(context, SpecPaths.SelectorLabel(key), value, 63, "a workloadSelector label value");
            }
        }
    }

    private static void CheckEndpoint(EntryContext context, WorkloadEntry endpoint, int index)
    {
        MaxLength(context, SpecPaths.Endpoint(index, "address"), endpoint.Address, 256, "an endpoint address");
        MaxLength(context, SpecPaths.Endpoint(index, "network"), endpoint.Network, 2048, "a network name");
        MaxLength(context, SpecPaths.Endpoint(index, "locality"), endpoint.Locality, 2048, "a locality");
        MaxLength(context, SpecPaths.Endpoint(index, "serviceAccount"), endpoint.ServiceAccount, 253, "a service account");
        MaxItems(context, SpecPaths.Endpoint(index, "labels"), endpoint.Labels.Count, 256, "endpoint labels");
        MaxItems(context, SpecPaths.Endpoint(index, "ports"), endpoint.Ports.Count, 128, "endpoint ports");
        foreach (var (name, _) in endpoint.Ports)
        {
            // CRD CEL: size(key) < 63, one less than the webhook's 63-character port names.
            if (name.Length == 63)
            {
                context.Report(
                    IstioCodes.SchemaLimitExceeded,
                    SpecPaths.EndpointPort(index, name),
                    $"endpoint port name '{name}' has 63 characters; the CRD allows at most 62 for endpoint port names",
                    "shorten the port name (and the ports[].name it refers to) to 62 characters or fewer");
            }
        }
    }

    private static void MaxItems(EntryContext context, string path, int count, int max, string what)
    {
        if (count > max)
        {
            context.Report(
                IstioCodes.SchemaLimitExceeded,
                path,
                string.Create(CultureInfo.InvariantCulture, $"{count} {what} exceed the CRD's limit of {max}"),
                "split the ServiceEntry into several");
        }
    }

    private static void MaxLength(EntryContext context, string path, string? value, int max, string what)
    {
        if (value is not null && value.Length > max)
        {
            context.Report(
                IstioCodes.SchemaLimitExceeded,
                path,
                string.Create(CultureInfo.InvariantCulture, $"{what} of {value.Length} characters exceeds the CRD's limit of {max}"),
                string.Create(CultureInfo.InvariantCulture, $"shorten it to {max} characters or fewer"));
        }
    }
}
