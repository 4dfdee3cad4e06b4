//! Interface strings in Chinese (default) and English.
//!
//! Every user-visible string of the views is a [`Key`]; a missing translation is a compile error
//! because each entry of the table must give both languages. Catalog text (program names and so on)
//! is bilingual data instead, see [`crate::lang::Text`].

use crate::lang::Lang;

/// A user-visible interface string that knows its text in both languages.
pub trait Message: Copy + Send + Sync + 'static {
    fn text(self, lang: Lang) -> &'static str;
}

/// Declares an enum of interface strings with their Chinese and English text:
/// `messages! { pub enum CheckText { Title => "自测", "Check"; } }`. Each screen may declare its own,
/// so screens never edit a shared table; [`Message`] lets views use any of them alike.
#[macro_export]
macro_rules! messages {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($key:ident => $zh:literal, $en:literal;)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        $vis enum $name { $($key),* }

        impl $name {
            /// Every string, for completeness tests.
            #[allow(dead_code)]
            pub const ALL: &'static [$name] = &[$($name::$key),*];
        }

        impl $crate::i18n::Message for $name {
            fn text(self, lang: $crate::lang::Lang) -> &'static str {
                match lang {
                    $crate::lang::Lang::Zh => match self { $($name::$key => $zh),* },
                    $crate::lang::Lang::En => match self { $($name::$key => $en),* },
                }
            }
        }
    };
}

/// Checks a table declared with [`messages!`]: both languages present, zh actually Chinese.
/// `allow_latin_zh` lists keys whose Chinese text may lack Chinese characters (a language name).
pub fn check_table<M: Message + std::fmt::Debug + PartialEq>(
    all: &[M],
    allow_latin_zh: &[M],
) -> Result<(), String> {
    for key in all {
        for lang in [Lang::Zh, Lang::En] {
            if key.text(lang).trim().is_empty() {
                return Err(format!("{key:?} is empty in {lang:?}"));
            }
        }
        let zh = key.text(Lang::Zh);
        if !allow_latin_zh.contains(key)
            && !zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        {
            return Err(format!(
                "{key:?} has no Chinese characters in its zh text: {zh}"
            ));
        }
    }
    Ok(())
}

messages! {
    /// Strings of the shell: top bar, tabs, banners, home, 404, 我的.
    pub enum Key {
    AppName => "乐业通", "LeYe";
    AppTagline => "枣庄就业创业政策助手", "Zaozhuang jobs & startup guide";
    SkipToContent => "跳到正文", "Skip to content";
    MainNav => "主导航", "Main navigation";
    TabHome => "首页", "Home";
    TabCheck => "自测", "Check";
    TabPolicies => "政策", "Policies";
    TabTraining => "培训", "Training";
    TabMe => "我的", "Me";
    // Spoken after the visible label, so the accessible name starts with what is on the button.
    LangSwitchLabel => "切换到英文", "switch to Chinese";
    // The toggle names the language it switches to, in that language.
    LangToggle => "English", "中文";
    UpdateReady => "有新版本,点击更新", "A new version is ready — tap to update";
    UpdateApplying => "正在更新…", "Updating…";
    Offline => "当前离线,已保存的内容都能用", "You are offline; everything saved still works";
    NotFoundTitle => "没有找到这个页面", "We couldn't find this page";
    NotFoundBody => "链接可能有误,或者页面已经移动。", "The link may be wrong, or the page has moved.";
    NotFoundHome => "回到首页", "Back to home";
    ChunkMissingTitle => "这个页面没能打开", "This screen could not be opened";
    ChunkMissingRetry => "重新加载", "Reload";
    HomeHello => "查一查,你能领哪些补贴", "See which support you can get";
    HomeIntro => "回答几个简单问题,告诉你能申请哪些补贴、保险、贷款和培训,为什么,还差什么,带什么材料,去哪里办。",
        "Answer a few simple questions. We show which subsidies, insurance, loans and training you can apply for, why, what is missing, what to bring and where to go.";
    HomeStartCheck => "开始自测(约3分钟)", "Start the check (about 3 minutes)";
    HomeBrowse => "先看看有哪些政策", "Browse all programs first";
    HomeTraining => "记录培训和考证进度", "Track your training and certificates";
    HomeWhoTitle => "适合谁用", "Who it is for";
    HomeWho1 => "网约车司机、外卖骑手、快递员等平台从业者", "Ride-hailing drivers, delivery riders, couriers and other platform workers";
    HomeWho2 => "返乡创业的农民工", "Migrant workers coming home to start a business";
    HomeWho3 => "高校毕业生、退役军人", "Graduates and veterans";
    HomeWho4 => "正在参加技能培训、创业培训的学员", "Trainees in skills or startup courses";
    HomePrivacy => "你的回答只保存在这部手机上,不会上传。", "Your answers stay on this phone. Nothing is uploaded.";
    HomeDisclaimer => "本应用帮助你了解政策,结果以当地人社部门最新通知为准。咨询电话 12333。",
        "This app helps you understand the policies; the local human resources office's latest notice is what counts. Hotline 12333.";
    CheckTitle => "自测:我能申请什么", "Check: what can I apply for";
    PoliciesTitle => "政策一览", "All programs";
    TrainingTitle => "培训和证书", "Training and certificates";
    MeTitle => "我的", "Me";
    MeLanguage => "语言", "Language";
    MeAbout => "关于乐业通", "About LeYe";
    MeAboutBody => "乐业通依据《“创业枣庄·乐业鲁南”行动方案》整理就业创业政策,所有数据只存在本机。",
        "LeYe explains the employment and startup programs of Zaozhuang's “创业枣庄·乐业鲁南” action plan. All data stays on this device.";
    MeVersion => "版本", "Version";
    Loading => "正在加载…", "Loading…";
    Dismiss => "关闭提示", "Dismiss";
    ComingSoon => "这一部分正在准备中。", "This part is being prepared.";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_key_has_both_languages() {
        check_table(Key::ALL, &[Key::LangToggle]).unwrap();
    }

    #[test]
    fn the_check_catches_a_missing_translation() {
        messages! { enum Broken { Fine => "好", "Fine"; Pasted => "Hello", "Hello"; Empty => "空", " "; } }
        assert!(check_table(&[Broken::Fine], &[]).is_ok());
        assert!(check_table(&[Broken::Pasted], &[])
            .unwrap_err()
            .contains("Pasted"));
        assert!(check_table(&[Broken::Empty], &[])
            .unwrap_err()
            .contains("Empty"));
    }

    #[test]
    fn no_two_keys_share_a_chinese_text() {
        let mut seen = HashSet::new();
        for key in Key::ALL {
            if *key == Key::MeTitle {
                continue; // the 我的 tab and its page title are the same words on purpose
            }
            assert!(
                seen.insert(key.text(Lang::Zh)),
                "duplicate zh text for {key:?}"
            );
        }
    }
}
