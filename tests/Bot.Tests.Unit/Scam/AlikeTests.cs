using System.Globalization;
using Bot.Worker.Configuration;
using Bot.Worker.Scam;
using Xunit.Abstractions;

namespace Bot.Tests.Unit.Scam;

/// <summary>
/// "Reported alike" on the labelled sets (issue 21): every scam of corpus.yaml and holdout.yaml is a confirmed report
/// in the index; each variant of alike.yaml (a scam script with other numbers, links, names and a few words, often in
/// the other script) must match its original, at least 90 % of them, and no ordinary message of either set may match
/// anything. The figures are printed for docs/BENCHMARKS.md.
/// </summary>
public sealed class AlikeTests(ITestOutputHelper output)
{
    private static readonly string Directory = Path.Combine(Support.Repo.Root, "tests", "Bot.Tests.Unit", "Scam");

    private static readonly Lazy<List<CorpusMessage>> Labelled = new(() =>
        [.. Read<CorpusMessage>("corpus.yaml", "messages"), .. Read<CorpusMessage>("holdout.yaml", "messages")]);

    private static TraditionalFold Fold => ShippedRules.Rules.Fold;

    [Fact]
    public void The_searchable_form_folds_the_script_and_replaces_links_numbers_amounts_and_ids()
    {
        var simplified = AlikeText.Normalize("请加微信 sf_lipei2031，转账 3,000元到 6222 0212 3456 7890，详见 http://t.cn/A6xY 。", Fold);
        var traditional = AlikeText.Normalize("請加微信 kf_pei88 ，轉帳 500元到 6217-0038-2291，詳見 https://evil.top/x！", Fold);

        Assert.Equal($"请加微信{AlikeText.Handle}转账{AlikeText.Amount}到{AlikeText.Number}详见{AlikeText.Link}", simplified);
        Assert.Equal(simplified, traditional);
    }

    [Fact]
    public void A_text_too_short_to_compare_has_no_signature()
    {
        Assert.Null(AlikeSignature.Of(AlikeText.Normalize("加我微信 abc_123", Fold)));
        Assert.NotNull(AlikeSignature.Of(AlikeText.Normalize("您好，这里是上海市公安局，你名下的银行卡涉嫌洗钱", Fold)));
    }

    [Fact]
    public void A_signature_agrees_with_itself_and_hardly_with_another_text()
    {
        var a = AlikeSignature.Of(AlikeText.Normalize("您好，这里是上海市公安局，你名下的银行卡涉嫌一起洗钱案件，请把资金转入安全账户", Fold))!;
        var b = AlikeSignature.Of(AlikeText.Normalize("周六下午三点在老地方聚餐，记得带上孩子，我已经订好包间了，不见不散", Fold))!;

        Assert.Equal(1.0, a.Similarity(a));
        Assert.True(a.Similarity(b) < 0.1, $"{a.Similarity(b):F2}");
    }

    [Fact]
    public void Nine_in_ten_variants_match_their_confirmed_original_and_no_ordinary_message_matches_any_scam()
    {
        var scams = Labelled.Value.Where(m => m.IsScam).ToList();
        var index = AlikeSnapshot.Build(1, scams.Select((m, i) => new ReportedAlikeRow(i + 1, AlikeText.Normalize(m.Text, Fold), i + 1)), Fold);
        var ids = scams.Select(m => m.Id).ToList();
        IEnumerable<string> Matches(string text) =>
            AlikeSignature.Of(AlikeText.Normalize(text, Fold)) is { } s ? Matching(index, s, ids) : [];

        var variants = Read<AlikeVariant>("alike.yaml", "variants");
        var found = 0;
        foreach (var v in variants)
        {
            var matches = Matches(v.Text).ToList();
            found += matches.Contains(v.Of) ? 1 : 0;
            output.WriteLine($"{v.Of,-10} {v.Lang,-7} {(matches.Contains(v.Of) ? "match" : "MISS "),-5} {string.Join(",", matches)}");
        }
        var ordinary = Labelled.Value.Where(m => !m.IsScam).Select(m => (m.Id, Matches: Matches(m.Text).ToList())).ToList();
        var rate = (double)found / variants.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"index: {index.Count} confirmed scams (of {scams.Count}); variants matching their original: {found} of {variants.Count} ({rate:P1}); ordinary messages matching any: {ordinary.Count(o => o.Matches.Count > 0)} of {ordinary.Count}"));

        Assert.True(rate >= 0.9, $"{rate:P1} of the variants match their original");
        Assert.All(ordinary, o => Assert.True(o.Matches.Count == 0, $"{o.Id} matches {string.Join(",", o.Matches)}"));
    }

    /// <summary>The held-out scripts (h2-*) are looser variants (whole phrases reworded): printed only, for the record.</summary>
    [Fact]
    public void The_held_out_scripts_are_printed_against_one_another()
    {
        var scripted = Labelled.Value.Where(m => m.Script.Length > 0).ToList();
        foreach (var m in scripted)
        {
            var others = scripted.Where(o => o.Id != m.Id).ToList();
            var index = AlikeSnapshot.Build(1, others.Select((o, i) => new ReportedAlikeRow(i + 1, AlikeText.Normalize(o.Text, Fold), i + 1)), Fold);
            var matches = AlikeSignature.Of(AlikeText.Normalize(m.Text, Fold)) is { } s ? Matching(index, s, others.Select(o => o.Id).ToList()).ToList() : [];
            output.WriteLine($"{m.Id,-13} {m.Script,-21} like: {string.Join(",", matches)}");
            Assert.All(matches, id => Assert.Equal(m.Script, scripted.Single(o => o.Id == id).Script));
        }
    }

    /// <summary>The ids of the indexed messages a signature matches (each indexed alone: the index reports a count, the test wants names).</summary>
    private static IEnumerable<string> Matching(AlikeSnapshot index, AlikeSignature signature, List<string> ids)
    {
        if (index.Match(signature) is null)
        {
            yield break;
        }
        for (var i = 0; i < ids.Count; i++)
        {
            var text = Labelled.Value.Single(m => m.Id == ids[i]).Text;
            var one = AlikeSnapshot.Build(1, [new ReportedAlikeRow(1, AlikeText.Normalize(text, Fold), 1)], Fold);
            if (one.Match(signature) is not null)
            {
                yield return ids[i];
            }
        }
    }

    private static List<T> Read<T>(string file, string key) => YamlFiles.Read<Dictionary<string, List<T>>>(Path.Combine(Directory, file))[key];
}
