//! The designer: builds Azure Image Builder templates visually in the browser, with live
//! errors from `validator-core` (compiled in and run in a worker thread, so nothing is sent
//! anywhere and nothing freezes the page).

pub mod app;
pub mod browser;
pub mod checker;
pub mod code_editor;
pub mod components;
pub mod draft_storage;
pub mod drafts;
pub mod entries;
pub mod form;
pub mod gallery;
pub mod history_keys;
pub mod opening;
pub mod pickers;
pub mod pointers;
pub mod policy;
pub mod rule_docs;
pub mod samples;
pub mod sections;
pub mod share;
pub mod state;
pub mod storage;
pub mod use_checker;
pub mod use_dom_value;
pub mod use_drafts;
pub mod use_file_drop;
pub mod use_form_navigation;
pub mod use_policy;
pub mod use_route;
pub mod use_share_link;
pub mod use_url_link;
pub mod words;
