using Bot.Worker.Scam;

namespace Bot.Tests.Unit.Scam;

/// <summary>Every sign family of PRODUCT.md 4.8 is recognised in zh-Hans, zh-Hant and en with the shipped rules.</summary>
public sealed class SignFamilyTests
{
    [Theory]
    // impersonated police, procuratorate, court, customs
    [InlineData("police-impersonation", "我是市公安局刑警大队的李警官，警号 021345。")]
    [InlineData("police-impersonation", "我是台北市警察局的偵查隊員警。")]
    [InlineData("police-impersonation", "This is a police officer from the Public Security Bureau.")]
    [InlineData("court-procuratorate", "你有一张法院传票未领取。")]
    [InlineData("court-procuratorate", "您有一份地檢署的刑事傳票。")]
    [InlineData("court-procuratorate", "You have an unanswered court summons.")]
    [InlineData("customs-impersonation", "这里是海关，你的国际包裹被扣押了。")]
    [InlineData("customs-impersonation", "這裡是海關，您的國際包裹被扣押。")]
    [InlineData("customs-impersonation", "Customs notice: your parcel was seized.")]
    // impersonated telecom regulators
    [InlineData("number-shutdown", "您的手机号码将在两小时后停机，请按9转人工。")]
    [InlineData("number-shutdown", "您的門號將於兩小時內停話，請按9轉專人。")]
    [InlineData("number-shutdown", "Your phone number will be suspended in two hours. Press 9.")]
    [InlineData("regulator-impersonation", "我是工信部的工作人员。")]
    [InlineData("regulator-impersonation", "這裡是國家通訊傳播委員會。")]
    [InlineData("regulator-impersonation", "This is the Ministry of Industry and Information Technology.")]
    // safe account
    [InlineData("safe-account", "请把钱转到安全账户。")]
    [InlineData("safe-account", "請把存款轉到安全帳戶。")]
    [InlineData("safe-account", "Move your savings to a safe account.")]
    // verification codes, card numbers, remote control
    [InlineData("code-request", "请把收到的验证码告诉我。")]
    [InlineData("code-request", "請把收到的驗證碼告訴我。")]
    [InlineData("code-request", "Please read me the verification code we sent.")]
    [InlineData("card-details-request", "请提供你的银行卡号和密码。")]
    [InlineData("card-details-request", "請提供您的信用卡卡號和有效期。")]
    [InlineData("card-details-request", "Please confirm your card number and CVV.")]
    [InlineData("remote-control", "请下载向日葵，开启屏幕共享。")]
    [InlineData("remote-control", "請安裝遠端軟體，開啟螢幕分享。")]
    [InlineData("remote-control", "Please install TeamViewer so we can share your screen.")]
    // transfers, fees, deposits, unfreezing
    [InlineData("transfer-request", "请马上转账到这个账户。")]
    [InlineData("transfer-request", "請馬上匯款到這個帳戶。")]
    [InlineData("transfer-request", "Transfer the money to this account.")]
    [InlineData("fee-or-unfreezing", "需要先交保证金才能解冻。")]
    [InlineData("fee-or-unfreezing", "需要先繳交保證金才能解凍。")]
    [InlineData("fee-or-unfreezing", "Pay a small processing fee to unfreeze the funds.")]
    // urgency and secrecy
    [InlineData("secrecy", "案件保密，不要告诉家人。")]
    [InlineData("secrecy", "偵查不公開，不要告訴家人。")]
    [InlineData("secrecy", "This case is confidential, do not tell anyone.")]
    [InlineData("urgency", "请立即处理，否则后果自负。")]
    [InlineData("urgency", "請立即處理，否則後果自負。")]
    [InlineData("urgency", "Act now, the offer expires within 2 hours.")]
    // prizes
    [InlineData("prize", "恭喜您中奖了，获得二等奖。")]
    [InlineData("prize", "恭喜您中獎了，獲得二等獎。")]
    [InlineData("prize", "Congratulations, you have won a cash prize!")]
    // part-time brushing jobs
    [InlineData("brushing-task", "招聘兼职刷单，日结佣金。")]
    [InlineData("brushing-task", "招聘兼職刷單，按讚返佣。")]
    [InlineData("brushing-task", "Complete simple order tasks, commission paid instantly.")]
    // investment with guaranteed returns
    [InlineData("guaranteed-returns", "老师带单，稳赚不赔。")]
    [InlineData("guaranteed-returns", "老師報明牌，保證獲利。")]
    [InlineData("guaranteed-returns", "Guaranteed 30% monthly returns, zero risk.")]
    // loans with upfront fees
    [InlineData("easy-loan", "无抵押贷款，秒批放款，不看征信。")]
    [InlineData("easy-loan", "免抵押貸款，當天撥款。")]
    [InlineData("easy-loan", "Loan approved with no credit check!")]
    // renting or selling phone and bank cards
    [InlineData("card-trading", "高价收购闲置银行卡和电话卡。")]
    [InlineData("card-trading", "高價收購人頭帳戶。")]
    [InlineData("card-trading", "We buy unused bank cards and SIM cards.")]
    // a changed number asking for money
    [InlineData("changed-number", "爸，我换号了，这是我的新号码。")]
    [InlineData("changed-number", "媽，我換新號碼了。")]
    [InlineData("changed-number", "Hi Mum, this is my new number.")]
    // shortened or look-alike links
    [InlineData("shortened-link", "点击 http://t.cn/A6xYz9 查看")]
    [InlineData("shortened-link", "請點擊 reurl.cc/abc123 查看")]
    [InlineData("shortened-link", "Open https://bit.ly/3abc now")]
    [InlineData("look-alike-link", "请登录 etc-gov-cn.top 认证")]
    [InlineData("look-alike-link", "請登入 https://icbc-vip.com/login 認證")]
    [InlineData("look-alike-link", "Log in at http://www.10086-jf.com/points")]
    [InlineData("look-alike-link", "Verify at http://amaz0n-support.com today")]
    [InlineData("look-alike-link", "請到 https://shopee-tw.help-center.cc 解除凍結")]
    [InlineData("phishing-host", "请访问 http://ybj.verify-account.top 完成验证")]
    [InlineData("phishing-host", "請至 post-tw.delivery-fix.cc 更新地址")]
    [InlineData("phishing-host", "Claim at https://refund-claims.co now")]
    // a "teacher" or class group asking for a fee
    [InlineData("class-group-fee", "我是班主任王老师，请家长扫码加入新班级群并缴纳资料费 368 元")]
    [InlineData("class-group-fee", "我是班導師，請家長掃碼加入新的家長群並繳交材料費。")]
    [InlineData("class-group-fee", "This is your child's teacher: please scan the QR code to join the new class group and pay the material fee.")]
    // spoofed +86 caller ids and 400/95 numbers presented as officials
    [InlineData("plus86-caller", "来电显示+86 021 1234 5678，自称公安。")]
    [InlineData("plus86-caller", "來電顯示+86的號碼自稱銀行。")]
    [InlineData("plus86-caller", "The caller ID showed +86 10 1234 5678.")]
    [InlineData("hotline-as-official", "请拨打官方客服 400-812-3377。")]
    [InlineData("hotline-as-official", "請撥打官方客服 400-812-3377。")]
    [InlineData("hotline-as-official", "Call our official hotline 400 812 3377.")]
    public void Recognises_the_sign(string sign, string text)
    {
        var verdict = ShippedRules.Check(text);

        Assert.Contains(verdict.Signs, s => s.Id == sign);
        Assert.Empty(verdict.TimedOut);
    }

    [Fact]
    public void Every_family_has_a_sign_and_every_sign_a_known_tip_and_three_explanations()
    {
        var rules = ShippedRules.Rules;
        var tips = Support.TipIds.Read();

        Assert.All(ScamFamilies.All, f => Assert.Contains(rules.Signs, s => s.Family == f));
        Assert.All(rules.Signs, s => Assert.Contains(s.Tip, tips));
        Assert.All(rules.Signs, s => Assert.Equal(Bot.Worker.Chats.Languages.All.Order(StringComparer.Ordinal), s.Explanation.Keys.Order(StringComparer.Ordinal)));
        Assert.All(rules.Signs, s => Assert.All(s.Explanation.Values, e => Assert.False(string.IsNullOrWhiteSpace(e))));
    }

    [Theory]
    [InlineData("https://www.amazon.co.uk/orders")]
    [InlineData("https://login.microsoftonline.com/")]
    [InlineData("https://accounts.google.com/signin")]
    [InlineData("https://shopee.tw/cart")]
    public void A_real_site_is_neither_a_look_alike_nor_a_phishing_host(string link)
    {
        var verdict = ShippedRules.Check("Open " + link);

        Assert.DoesNotContain(verdict.Signs, s => s.Id is "look-alike-link" or "phishing-host");
    }

    [Fact]
    public void A_warning_that_names_many_signs_is_at_most_orange_but_a_known_fraud_number_is_still_red()
    {
        const string warning = "社区反诈宣传：近期冒充客服办理退款的诈骗高发，凡是要求共享屏幕、提供验证码的都是诈骗，如有疑问请拨打96110。";

        Assert.Equal(ScamLevel.Orange, ShippedRules.Check(warning).Level);
        Assert.Equal(ScamLevel.Red, ShippedRules.Check(warning + " 17000000000").Level);
    }

    [Fact]
    public void Traditional_text_is_folded_so_simplified_patterns_match_it()
    {
        Assert.Equal("请把钱转到安全账户", ShippedRules.Rules.Fold.Apply("請把錢轉到安全帳戶"));
    }
}
