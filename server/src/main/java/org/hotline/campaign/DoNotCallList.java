package org.hotline.campaign;

/** Numbers that must never be dialled by a campaign, whatever the source of the contact. */
public interface DoNotCallList {

    /** @param number a number in E.164 */
    boolean contains(String number);
}
