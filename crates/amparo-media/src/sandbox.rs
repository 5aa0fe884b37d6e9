//! What closes a decoding worker in, before it reads its first file.
//!
//! - Resource limits: 4 GiB of address space (a 100-megapixel picture needs
//!   well under half of it), no core dump (it would hold a family's photo),
//!   no file written.
//! - Landlock, where the kernel has it: no file may be opened, read, written
//!   or listed, no TCP port bound or connected, no signal sent outside the
//!   worker (the rules are empty: everything they handle is refused).
//! - A seccomp filter: the system calls that open files, make sockets,
//!   start programs, or reach into other processes fail with EPERM.
//!
//! The worker keeps only the pipes it was started with. Each layer is used
//! as far as the kernel allows; one that is missing leaves the others.

/// The most address space a worker may map.
#[cfg(unix)]
const ADDRESS_SPACE: u64 = 4 << 30;

/// Closes this process in. Called once, before any untrusted byte is read.
pub(crate) fn enter() {
    #[cfg(unix)]
    limit_resources();
    #[cfg(target_os = "linux")]
    {
        landlock_rules();
        system_call_filter();
    }
}

#[cfg(unix)]
fn limit_resources() {
    use rustix::process::{Resource, Rlimit, setrlimit};
    let limit = |bytes: u64| Rlimit {
        current: Some(bytes),
        maximum: Some(bytes),
    };
    let _ = setrlimit(Resource::As, limit(ADDRESS_SPACE));
    let _ = setrlimit(Resource::Core, limit(0));
    let _ = setrlimit(Resource::Fsize, limit(0));
}

#[cfg(target_os = "linux")]
fn landlock_rules() {
    use landlock::{
        ABI, Access, AccessFs, AccessNet, CompatLevel, Compatible, Ruleset, RulesetAttr, Scope,
    };
    let abi = ABI::V6;
    let restricted = Ruleset::default()
        .set_compatibility(CompatLevel::BestEffort)
        .handle_access(AccessFs::from_all(abi))
        .and_then(|r| r.handle_access(AccessNet::from_all(abi)))
        .and_then(|r| r.scope(Scope::AbstractUnixSocket | Scope::Signal))
        .and_then(|r| r.create())
        .and_then(|r| r.restrict_self());
    // Without Landlock in the kernel the seccomp filter still holds.
    let _ = restricted;
}

#[cfg(target_os = "linux")]
fn system_call_filter() {
    use std::collections::BTreeMap;

    use seccompiler::{BpfProgram, SeccompAction, SeccompFilter, apply_filter_all_threads};

    let Ok(arch) = std::env::consts::ARCH.try_into() else {
        return;
    };
    let refused: BTreeMap<i64, Vec<seccompiler::SeccompRule>> = refused_system_calls()
        .iter()
        .map(|&call| (call, Vec::new()))
        .collect();
    let Ok(filter) = SeccompFilter::new(
        refused,
        SeccompAction::Allow,
        SeccompAction::Errno(libc::EPERM as u32),
        arch,
    ) else {
        return;
    };
    if let Ok(program) = BpfProgram::try_from(filter) {
        let _ = apply_filter_all_threads(&program);
    }
}

/// Opening, creating and changing files; sockets; starting programs;
/// reaching other processes; new namespaces and kernel interfaces a
/// decoder never needs.
#[cfg(target_os = "linux")]
fn refused_system_calls() -> Vec<i64> {
    let mut calls = vec![
        libc::SYS_openat,
        libc::SYS_openat2,
        libc::SYS_open_by_handle_at,
        libc::SYS_name_to_handle_at,
        libc::SYS_mknodat,
        libc::SYS_mkdirat,
        libc::SYS_unlinkat,
        libc::SYS_renameat,
        libc::SYS_renameat2,
        libc::SYS_linkat,
        libc::SYS_symlinkat,
        libc::SYS_truncate,
        libc::SYS_fchmodat,
        libc::SYS_fchownat,
        libc::SYS_socket,
        libc::SYS_socketpair,
        libc::SYS_connect,
        libc::SYS_bind,
        libc::SYS_listen,
        libc::SYS_accept4,
        libc::SYS_execve,
        libc::SYS_execveat,
        libc::SYS_ptrace,
        libc::SYS_process_vm_readv,
        libc::SYS_process_vm_writev,
        libc::SYS_kill,
        libc::SYS_mount,
        libc::SYS_umount2,
        libc::SYS_chroot,
        libc::SYS_pivot_root,
        libc::SYS_setns,
        libc::SYS_unshare,
        libc::SYS_bpf,
        libc::SYS_perf_event_open,
        libc::SYS_io_uring_setup,
        libc::SYS_keyctl,
        libc::SYS_add_key,
        libc::SYS_request_key,
        libc::SYS_userfaultfd,
    ];
    #[cfg(target_arch = "x86_64")]
    calls.extend([
        libc::SYS_open,
        libc::SYS_creat,
        libc::SYS_mknod,
        libc::SYS_mkdir,
        libc::SYS_rmdir,
        libc::SYS_unlink,
        libc::SYS_rename,
        libc::SYS_link,
        libc::SYS_symlink,
        libc::SYS_chmod,
        libc::SYS_chown,
        libc::SYS_lchown,
        libc::SYS_accept,
        libc::SYS_fork,
        libc::SYS_vfork,
    ]);
    calls
}
