using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Validation.VirtualServices;

/// <summary>Header operations (headers.request/response add, set, remove): names Envoy may change, values it can parse.</summary>
public static class HeaderOperationRules
{
    public static void Check(MappingNode? headers, string path, ObjectFindings f)
    {
        if (headers is null)
        {
            return;
        }

        foreach (var side in new[] { "request", "response" })
        {
            var node = SpecNode.Map(headers, side);
            var sidePath = ConfigPath.Child(path, side);
            foreach (var op in new[] { "add", "set" })
            {
                foreach (var (name, value) in SpecNode.StringMap(node, op))
                {
                    var at = ConfigPath.Child(ConfigPath.Child(sidePath, op), name);
                    var nameProblem = side == "request" ? HttpHeaderNames.CheckRequestSetName(name) : HttpHeaderNames.CheckOperationName(name);
                    Report(nameProblem, at, f);
                    Report(HttpHeaderNames.CheckValue(value) ?? HeaderValueSyntax.Check(value), at, f);
                }
            }

            var removed = SpecNode.Strings(node, "remove");
            for (var i = 0; i < removed.Count; i++)
            {
                Report(HttpHeaderNames.CheckOperationName(removed[i]), ConfigPath.Index(ConfigPath.Child(sidePath, "remove"), i), f);
            }
        }
    }

    private static void Report(string? problem, string path, ObjectFindings f)
    {
        if (problem is not null)
        {
            f.Add(EnforcementKindCodes.HttpRouteOption, path, problem);
        }
    }
}
