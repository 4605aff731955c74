using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Manifests.Reading;

/// <summary>
/// The part of a CRD's OpenAPI schema that the API server enforces on one field: its type, and the
/// counts, lengths, ranges and enums written next to it. Schemas are data (see <see cref="ServiceEntrySchema"/>);
/// <see cref="SchemaChecker"/> is the one place that applies them.
/// </summary>
public abstract record FieldShape
{
    /// <summary>The expected type as messages name it: "a string", "an integer".</summary>
    public abstract string Expected { get; }
}

/// <param name="MaxLength">The CRD's maxLength, if any.</param>
/// <param name="Enum">The CRD's enum, if any; compared exactly (the API server is case-sensitive).</param>
/// <param name="Rule">A check beyond the schema (names, label values), null when there is none.</param>
public sealed record StringShape(int? MaxLength = null, IReadOnlyList<string>? Enum = null, ValueRule? Rule = null) : FieldShape
{
    public static StringShape Any { get; } = new();

    public override string Expected => "a string";
}

/// <summary>An integer with the schema's minimum and maximum (uint32 fields are 0..4294967295).</summary>
public sealed record IntegerShape(long Minimum, long Maximum) : FieldShape
{
    public static IntegerShape UInt32 { get; } = new(0, uint.MaxValue);

    public static IntegerShape Int32 { get; } = new(int.MinValue, int.MaxValue);

    public static IntegerShape Int64 { get; } = new(long.MinValue, long.MaxValue);

    public override string Expected => "an integer";
}

public sealed record BooleanShape : FieldShape
{
    public static BooleanShape Instance { get; } = new();

    public override string Expected => "true or false";
}

/// <param name="MinItems">The schema's minItems; a shorter list is reported as missing values.</param>
public sealed record ListShape(FieldShape Items, int MinItems = 0, int? MaxItems = null) : FieldShape
{
    public static ListShape Strings { get; } = new(StringShape.Any);

    public override string Expected => "a list";
}

/// <summary>A map with free string keys (labels, endpoint ports): additionalProperties in the schema.</summary>
public sealed record MapShape(FieldShape Values, int? MaxProperties = null, ValueRule? Keys = null) : FieldShape
{
    public static MapShape Strings { get; } = new(StringShape.Any);

    public override string Expected => "a mapping";
}

/// <summary>A fixed set of fields: anything else is an unknown field under strict field validation.</summary>
/// <param name="Open">
/// The fields listed are those EgressInfra knows, and newer Istio versions may have more: an unknown
/// field is then a warning (EGR401), not an error, so that manifests for a newer Istio still lint clean.
/// </param>
public sealed record ObjectShape(IReadOnlyList<Field> Fields, bool Open = false) : FieldShape
{
    public override string Expected => "a mapping";

    public Field? Find(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public IEnumerable<string> Names => Fields.Select(f => f.Name);
}

/// <param name="Required">The schema lists the field under required: absent or null is reported.</param>
public sealed record Field(string Name, FieldShape Shape, bool Required = false);

/// <summary>Any value at all (x-kubernetes-preserve-unknown-fields, or a part EgressInfra does not model).</summary>
public sealed record AnyShape : FieldShape
{
    public static AnyShape Instance { get; } = new();

    public override string Expected => "any value";
}

/// <summary>A check on a string (or a map key) beyond its type: returns a message when the value is rejected.</summary>
public sealed record ValueRule(DiagnosticDescriptor Code, Func<string, string?> Check);

/// <summary>A number that may have a fraction (the schema's type: number), such as a percentage.</summary>
public sealed record NumberShape : FieldShape
{
    public override string Expected => "a number";
}
