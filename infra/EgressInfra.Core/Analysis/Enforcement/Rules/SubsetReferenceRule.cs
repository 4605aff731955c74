using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Analysis.Enforcement.Rules;

/// <summary>istioctl analyze IST0101 for subsets: a route's subset must be defined by a DestinationRule of its host.</summary>
public sealed class SubsetReferenceRule : IEnforcementRule
{
    public IEnumerable<ObjectFinding> Analyze(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var rules = objects.DestinationRules.Select(d => d.Object).ToList();
        foreach (var (index, vs) in objects.VirtualServices)
        {
            foreach (var destination in RouteDestination.Of(vs).Where(d => d.Subset is not null))
            {
                var defined = rules.Where(dr => IstioHostName.Matches(ObjectSet.ResolveHost(SpecNode.Text(dr.Input.Spec, "host"), dr.Namespace), destination.Host))
                    .SelectMany(dr => SpecNode.Items(dr.Input.Spec, "subsets").Select(s => SpecNode.Text(s, "name")));
                if (!defined.Contains(destination.Subset, StringComparer.Ordinal))
                {
                    yield return new ObjectFinding(index, EnforcementKindCodes.SubsetNotFound.Create(
                        ConfigPath.Child(destination.Path, "subset"),
                        $"no DestinationRule for {destination.Host} defines the subset {destination.Subset}; Envoy has no cluster for it and the route fails with 503"));
                }
            }
        }
    }
}
