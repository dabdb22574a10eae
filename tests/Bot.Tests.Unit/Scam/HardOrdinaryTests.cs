using Bot.Worker.Scam;

namespace Bot.Tests.Unit.Scam;

/// <summary>Ordinary messages that look like scams on the surface are 🟢 or 🟠, never 🔴.</summary>
public sealed class HardOrdinaryTests
{
    [Theory]
    // One-time codes that say "never share it".
    [InlineData("【建设银行】您的验证码为 305512，5分钟内有效。请勿将验证码告诉任何人，包括银行工作人员。")]
    [InlineData("【支付宝】验证码 882301，您正在登录，切勿告知他人，谨防诈骗。")]
    [InlineData("【遠傳電信】您的驗證碼為 551207，請勿將驗證碼提供給任何人。")]
    [InlineData("Your WhatsApp code: 123-456. Don't share this code with others.")]
    [InlineData("Your bank will never ask you for this code: 604211. Do not share it with anyone, even if they claim to be from the bank.")]
    // Anti-fraud warnings that name "safe accounts", police and transfers.
    [InlineData("公安机关提醒：公检法机关不会通过电话办案，更不会要求您把钱转到所谓的“安全账户”。接到此类电话请立即挂断，拨打96110。")]
    [InlineData("警方提醒：根本沒有所謂的「安全帳戶」，凡是要求轉帳到安全帳戶的都是詐騙，請撥打165查證。")]
    [InlineData("Police warning: there is no such thing as a safe account. Officers will never ask you to transfer money or share your screen. It's a scam; call 96110.")]
    // A real operator notice, a real bank alert, a real 95xxx hotline.
    [InlineData("【中国移动】尊敬的客户，您的号码需完成二次实人认证，请于24小时内携带身份证到就近营业厅办理，详询10086。")]
    [InlineData("【中国银行】您尾号8821的账户于03月02日转账支出2,000.00元。如有疑问请致电95566。")]
    public void Is_never_red(string text)
    {
        var verdict = ShippedRules.Check(text);

        Assert.NotEqual(ScamLevel.Red, verdict.Level);
        Assert.Empty(verdict.FraudHits);
    }
}
