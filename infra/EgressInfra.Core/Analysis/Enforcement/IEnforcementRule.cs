namespace EgressInfra.Core.Analysis.Enforcement;

/// <summary>One check across the objects of a set (istioctl analyze's analyzers, and beyond).</summary>
public interface IEnforcementRule
{
    IEnumerable<ObjectFinding> Analyze(ObjectSet objects);
}
