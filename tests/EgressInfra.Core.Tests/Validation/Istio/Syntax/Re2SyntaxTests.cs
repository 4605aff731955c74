using EgressInfra.Core.Validation.Istio.Syntax;

namespace EgressInfra.Core.Tests.Validation.Istio.Syntax;

/// <summary>
/// Go regexp (RE2 with Perl extensions) accepts exactly what its parser accepts, whatever .NET thinks:
/// each pattern below was judged by reading Go's regexp/syntax parser (parse.go).
/// </summary>
public class Re2SyntaxTests
{
    [Theory]
    [InlineData(@"(?P<id>\d+)")]
    [InlineData(@"(?<id>\d+)")]
    [InlineData(@"\Q.*\E")]
    [InlineData(@"\pL+")]
    [InlineData(@"\p{Greek}")]
    [InlineData(@"\p{^Greek}")]
    [InlineData(@"\PL")]
    [InlineData(@"\x{41}")]
    [InlineData(@"(?U)a+")]
    [InlineData(@"\_")]
    [InlineData(@"[[:alpha:]]+")]
    [InlineData(@"[[:^digit:]]")]
    [InlineData(@"\12")]
    [InlineData(@"\0")]
    [InlineData(@"a{1000}")]
    [InlineData(@"a{2,}")]
    [InlineData(@"a{,3}")]
    [InlineData(@"x{")]
    [InlineData(@"()*")]
    [InlineData(@"^*")]
    [InlineData(@"(?i)abc")]
    [InlineData(@"(?i-s:abc)")]
    [InlineData(@"(?:)")]
    [InlineData(@"(?)")]
    [InlineData(@"\z")]
    [InlineData(@"\A")]
    [InlineData(@"[\d-z]")]
    [InlineData(@"[a-]")]
    [InlineData(@"[]a]")]
    [InlineData(@"[^]a]")]
    [InlineData(@"\p{Letter}")]
    [InlineData(@"\p{lu}")]
    [InlineData(@"\pN")]
    [InlineData(@"\p{Any}")]
    [InlineData(@"\p{ASCII}")]
    [InlineData(@"(?s).")]
    [InlineData(@".*?")]
    [InlineData(@"a+?")]
    [InlineData(@"a??")]
    [InlineData(@"\/path")]
    [InlineData(@"a(?i)*")]
    [InlineData(@"[\x41-\x{5A}]")]
    [InlineData(@"\x41")]
    [InlineData(@"/api/v[0-9]+/.*")]
    [InlineData(@"^/(foo|bar)/[^/]+$")]
    [InlineData(@"[\-]")]
    [InlineData(@"\.\*")]
    [InlineData(@"a{01}")]
    public void Go_accepts(string pattern) => Assert.Null(Re2Syntax.Problem(pattern));

    [Theory]
    [InlineData(@"(?=x)")]
    [InlineData(@"(?!x)")]
    [InlineData(@"(?<=x)")]
    [InlineData(@"(?<!x)")]
    [InlineData(@"(?>x)")]
    [InlineData(@"\1")]
    [InlineData(@"(a)\1")]
    [InlineData(@"\k<n>")]
    [InlineData(@"a++")]
    [InlineData(@"a*+")]
    [InlineData(@"a**")]
    [InlineData(@"a{2}{3}")]
    [InlineData(@"a{1001}")]
    [InlineData(@"a{3,2}")]
    [InlineData(@"\Z")]
    [InlineData(@"\G")]
    [InlineData(@"\e")]
    [InlineData(@"\u0041")]
    [InlineData(@"\cA")]
    [InlineData(@"(?#c)")]
    [InlineData(@"(?'n'x)")]
    [InlineData(@"(?x)a")]
    [InlineData(@"(?n)a")]
    [InlineData(@"\p{IsGreek}")]
    [InlineData(@"\p{Foo}")]
    [InlineData(@"[z-a]")]
    [InlineData(@"[[:foo:]]")]
    [InlineData(@"*a")]
    [InlineData(@"a|*")]
    [InlineData(@"(*)")]
    [InlineData(@"(?i)*")]
    [InlineData(@"x\")]
    [InlineData(@"\C")]
    [InlineData(@"[a")]
    [InlineData(@"(a")]
    [InlineData(@"a)")]
    [InlineData(@"(?P=n)")]
    [InlineData(@"(?P<n-x>a)")]
    [InlineData(@"\8")]
    [InlineData(@"[\b]")]
    [InlineData(@"\x4")]
    [InlineData(@"\x{}")]
    [InlineData(@"\x{110000}")]
    [InlineData(@"(?-)")]
    [InlineData(@"(?i-)x")]
    [InlineData(@"\q")]
    [InlineData(@"\é")]
    [InlineData(@"[")]
    [InlineData(@"\p")]
    [InlineData(@"(?")]
    public void Go_rejects(string pattern) => Assert.NotNull(Re2Syntax.Problem(pattern));

    [Fact]
    public void A_lone_surrogate_is_not_utf8() => Assert.NotNull(Re2Syntax.Problem("a\ud800b"));

    [Fact]
    public void Astral_characters_are_single_runes()
    {
        Assert.Null(Re2Syntax.Problem("\U0001F600+"));
        Assert.Null(Re2Syntax.Problem("[\U0001F600-\U0001F64F]"));
        Assert.NotNull(Re2Syntax.Problem("[\U0001F64F-\U0001F600]"));
    }

    [Theory]
    [InlineData("Lu", true)]
    [InlineData("lu", true)]
    [InlineData("Uppercase_Letter", true)]
    [InlineData("uppercase-letter", true)]
    [InlineData("Greek", true)]
    [InlineData("greek", true)]
    [InlineData("Han", true)]
    [InlineData("Any", true)]
    [InlineData("Assigned", true)]
    [InlineData("ASCII", true)]
    [InlineData("LC", true)]
    [InlineData("IsGreek", false)]
    [InlineData("InBasicLatin", false)]
    [InlineData("Foo", false)]
    [InlineData("", false)]
    public void Unicode_class_names_follow_go(string name, bool known) => Assert.Equal(known, Re2UnicodeNames.IsKnown(name));

    [Fact]
    public void Nothing_hangs_or_throws_on_long_or_odd_input()
    {
        foreach (var pattern in new[] { new string('(', 2000), new string('[', 2000), string.Concat(Enumerable.Repeat("\\Q", 500)), "\\x{" + new string('f', 50) + "}", "a{99999999999999999999}" })
        {
            _ = Re2Syntax.Problem(pattern);
        }

        Assert.NotNull(Re2Syntax.Problem("a{99999999999999999999}"));
    }
}
