//! What a refused catalog pack says; every message says the current data stays in use.

use crate::lang::Lang;
use crate::pack::PackError;
use std::fmt;

impl PackError {
    /// What the person reads; every message says the current data stays in use.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            PackError::Malformed(_) | PackError::WrongFormat(_) => {
                if zh {
                    "更新包格式不对,继续使用当前数据".into()
                } else {
                    "The update is not a catalog pack; keeping the current data".into()
                }
            }
            PackError::UnsupportedVersion(_) => {
                if zh {
                    "更新包需要新版应用,请更新乐业通后再试,继续使用当前数据".into()
                } else {
                    "The update needs a newer version of the app; keeping the current data".into()
                }
            }
            PackError::Checksum => {
                if zh {
                    "更新包已损坏(校验失败),继续使用当前数据".into()
                } else {
                    "The update is damaged (checksum failed); keeping the current data".into()
                }
            }
            // The file arrived whole (its checksum matches) but was packed wrongly at the source: nothing the
            // person did or can fix; the next published pack will be tried on its own.
            PackError::MetaMismatch => {
                if zh {
                    "更新包的版本号或日期与其中的内容不一致(发布时打包有误),已拒绝,继续使用当前数据;以后会自动再检查".into()
                } else {
                    "The update's version or date does not match its contents (it was packed wrongly when published); refused, keeping the current data. It will be checked again later".into()
                }
            }
            PackError::Invalid(issues) => {
                if zh {
                    format!("更新包内容有{}处错误,继续使用当前数据", issues.len())
                } else {
                    format!(
                        "The update has {} errors in its content; keeping the current data",
                        issues.len()
                    )
                }
            }
        }
    }
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))?;
        match self {
            PackError::Malformed(d) | PackError::WrongFormat(d) => write!(f, " ({d})"),
            PackError::UnsupportedVersion(v) => write!(f, " (format version {v})"),
            PackError::Invalid(issues) => {
                for i in issues.iter().take(20) {
                    write!(f, "\n  {i}")?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

impl std::error::Error for PackError {}
