//! Interface strings of the summary to take along (/summary), the read-aloud button and the QR code.

crate::messages! {
    pub enum SummaryText {
        Title => "带去办事的清单", "Summary to take along";
        Intro => "把这一页给服务大厅的工作人员看,或者打印、分享出去。", "Show this page at the service hall, or print or share it.";
        Open => "我的政策清单(可打印、分享)", "My programs to take along (print or share)";
        AsOf => "生成日期", "Made on";
        CatalogAsOf => "政策数据版本", "Program data version";
        CanApply => "可以申请", "You can apply for";
        Almost => "还差一点", "Almost there";
        StillNeeded => "还差", "Still needed";
        Amount => "能得到", "What you get";
        ApplyAt => "去哪里办", "Where to apply";
        Documents => "要带的材料", "Documents to bring";
        DocumentsHint => "同一份材料只列一次,括号里是需要它的项目。", "Each document is listed once; brackets show which programs need it.";
        NeededFor => "用于", "for";
        NoDocuments => "这些项目没有列出需要的材料,办理前请先电话咨询。", "These programs list no documents; call before you go.";
        Empty => "还没有可以申请的项目。先做一次自测,回答几个问题就能看到结果。", "Nothing to apply for yet. Take the check first: a few questions and you will see your results.";
        NoAnswers => "你还没有做自测,下面只列出人人都能办的项目。回答几个问题,看看你还能申请什么。", "You have not taken the check yet, so only what is open to everyone is listed. Answer a few questions to see what else you can apply for.";
        StartCheck => "去自测", "Take the check";
        WhereTitle => "去哪里办、找谁问", "Where to go and whom to ask";
        WhereIntro => "到你所在区(市)的公共就业服务机构或人社局办理。下面只列出已经核实的信息。", "Go to the public employment service or the human resources and social security bureau of your district. Only confirmed details are shown below.";
        Hotline => "人社服务热线", "Social security hotline";
        CallHotline => "拨打12333", "Call 12333";
        CityWebsite => "枣庄市人社局网站", "Website of Zaozhuang's human resources and social security bureau";
        Apps => "手机上办", "On your phone";
        DistrictsTitle => "各区(市)", "Districts";
        AskFor => "找", "Ask for";
        NotConfirmed => "地址请拨12333询问(外地手机拨0632-12333)", "Call 12333 for the address (0632-12333 from a phone registered outside Zaozhuang)";
        Address => "地址", "Address";
        Phone => "电话", "Phone";
        Hours => "办公时间", "Opening hours";
        Source => "来源", "Source";
        Disclaimer => "本清单帮助你准备材料,能否领取、金额多少以当地最新通知为准。", "This list helps you get ready. Whether you get the benefit, and how much, depends on the latest local notice.";
        Print => "打印", "Print";
        Share => "分享", "Share";
        CopyText => "复制文字", "Copy text";
        Copied => "已复制,可以粘贴到微信或短信里。", "Copied. Paste it into a message.";
        CopyFailed => "没能复制。请长按下面的文字,手动复制。", "Could not copy. Long-press the text below to copy it.";
        ShareText => "要分享的文字", "Text to share";
        QrTitle => "扫码带走", "Scan to take along";
        QrHint => "用另一部手机扫这个码,就能得到上面清单的文字。二维码在本机生成,不联网。", "Scan this code with another phone to get the text of this list. It is made on this phone, without the internet.";
        QrLabel => "清单文字的二维码", "QR code of the list's text";
        QrTooLong => "清单太长,放不进二维码。请用分享或打印。", "The list is too long for a QR code. Use share or print instead.";
        ReadAloud => "朗读", "Read aloud";
        ReadAloudLabel => "用普通话朗读这一项", "Read aloud this program in Mandarin";
        StopReading => "停止朗读", "Stop reading";
        Reading => "正在朗读…", "Reading aloud…";
        ReadAloudFailed => "朗读没有成功,请检查手机音量或语音设置。", "Reading aloud failed; check the phone's volume or speech settings.";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Message;
    use crate::lang::Lang;

    #[test]
    fn every_string_has_both_languages() {
        crate::i18n::check_table(SummaryText::ALL, &[]).unwrap();
    }

    #[test]
    fn no_two_strings_share_a_chinese_text() {
        let mut seen = std::collections::HashSet::new();
        for key in SummaryText::ALL {
            assert!(
                seen.insert(key.text(Lang::Zh)),
                "duplicate zh text for {key:?}"
            );
        }
    }
}

/// After a document, the programs that need it: "(用于:甲、乙)" / " (for a, b)".
pub fn needed_for(names: &[&str], lang: crate::lang::Lang) -> String {
    use crate::i18n::Message;
    use crate::lang::Lang;
    let label = SummaryText::NeededFor.text(lang);
    let names = super::list(names, lang);
    match lang {
        Lang::Zh => format!("({label}:{names})"),
        Lang::En => format!(" ({label} {names})"),
    }
}

#[cfg(test)]
mod needed_for_tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn a_document_names_the_programs_that_need_it() {
        assert_eq!(needed_for(&["甲", "乙"], Lang::Zh), "(用于:甲、乙)");
        assert_eq!(needed_for(&["a", "b"], Lang::En), " (for a, b)");
    }
}
